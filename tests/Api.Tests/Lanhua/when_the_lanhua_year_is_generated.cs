using Marten;
using Marten.Events;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using QunTuan.Api.Participation;
using QunTuan.Api.Simulation;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Lanhua;

/// <summary>The whole Lanhua year, generated once into a store of its own, then read back.</summary>
public sealed class LanhuaYearFixture : IAsyncLifetime
{
    public static readonly Instant NewYear = Instant.FromUtc(2024, 12, 31, 16, 0); // 2025-01-01 00:00 in Zhejiang

    public AppFactory Factory { get; } = new(TestDatabase.NewSchema(), new FakeClock(NewYear));
    public LanhuaYearSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        Summary = await new LanhuaYear(Factory.Store, Factory.Clock.Reset, NullLogger.Instance).Run(CancellationToken.None);
        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await AppFactory.DropSchema(Factory.Schema);
    }
}

public sealed class when_the_lanhua_year_is_generated(LanhuaYearFixture year) : IClassFixture<LanhuaYearFixture>
{
    private async Task<ParticipationReport> Report(string period, string? by = null)
    {
        using var office = year.Factory.ClientFor(TestUsers.Office());
        var response = await office.GetAsync($"/api/communities/lanhua/participation?period={period}" +
                                             (by is null ? "" : $"&by={by}"));
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ParticipationReport>(
            response.Content, IntegrationContext.Json))!;
    }

    [Fact]
    public async Task the_year_reproduces_lanhuas_reported_figures()
    {
        var report = await Report("2025");

        report.PermanentResidents.ShouldBe(16_936);
        report.Participants.ShouldBe(6_724);
        report.ParticipationRatePercent.ShouldBe(39.7m);
        report.Sessions.ShouldBe(1_935);
        report.PointsIssued.ShouldBe(187_518);
    }

    [Fact]
    public void the_named_work_is_all_there()
    {
        year.Summary.PatrolShifts.ShouldBeGreaterThanOrEqualTo(150);
        year.Summary.PatrolPersonTimes.ShouldBeGreaterThanOrEqualTo(2_000);
        year.Summary.ElderVisits.ShouldBe(30 * 365);
        year.Summary.RiverPatrols.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task every_breakdown_adds_up_to_the_totals()
    {
        var totals = await Report("2025");
        foreach (var by in new[] { "category", "subcategory", "grid" })
        {
            var lines = (await Report("2025", by)).Breakdown;
            // One session is one activity, but its people can come from several grids.
            if (by != "grid") lines.Sum(l => l.Sessions).ShouldBe(totals.Sessions, by);
            lines.Sum(l => l.PersonTimes).ShouldBe(totals.PersonTimes, by);
            lines.Sum(l => l.PointsIssued).ShouldBe(totals.PointsIssued, by);
            lines.Sum(l => l.ServiceMinutes).ShouldBe(totals.ServiceMinutes, by);
        }
        // A resident lives in one grid, so grids also add up to the residents who took part.
        (await Report("2025", "grid")).Breakdown.Sum(l => l.Participants).ShouldBe(totals.Participants);
        (await Report("2025", "category")).Breakdown.Select(l => l.Key).ShouldBe(["CB", "PV"]);
    }

    [Fact]
    public async Task the_year_keeps_every_ledger_invariant_and_no_personal_data()
    {
        var report = await QunTuan.Projections.Audit.InvariantCheck.RunAsync(year.Factory.Store,
            year.Factory.Clock.GetCurrentInstant(), samplePerType: 20);

        report.AllHold.ShouldBeTrue(string.Join("\n", report.Invariants.Select(i => $"{i.Id} {i.Holds} {i.Summary}")));
        report.Invariants.Single(i => i.Id == "I2").Figures["issued"].ShouldBe(187_518);
        var (scanned, offending) = await PersonalDataScan.RunAsync(year.Factory.Schema);
        scanned.ShouldBeGreaterThan(80_000);
        offending.ShouldBeEmpty();
    }

    [Fact]
    public async Task quarters_and_months_add_up_to_the_year()
    {
        var yearReport = await Report("2025");
        var quarters = await Task.WhenAll(Enumerable.Range(1, 4).Select(q => Report($"2025-Q{q}")));
        var months = await Task.WhenAll(Enumerable.Range(1, 12).Select(m => Report($"2025-{m:D2}")));

        quarters.Sum(q => q.PointsIssued).ShouldBe(yearReport.PointsIssued);
        months.Sum(m => m.PointsIssued).ShouldBe(yearReport.PointsIssued);
        months.Sum(m => m.PersonTimes).ShouldBe(yearReport.PersonTimes);
        quarters.Sum(q => q.Sessions).ShouldBe(yearReport.Sessions);
        quarters.Max(q => q.Participants).ShouldBeLessThanOrEqualTo(yearReport.Participants);
    }
}
