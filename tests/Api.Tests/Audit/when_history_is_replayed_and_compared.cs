using Npgsql;
using QunTuan.Api.Audit;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// Replay and compare (I6): every projection rebuilt from the full history in a shadow schema equals the live
/// documents, document by document; a second run gives the same hashes; the shadow schema is gone afterwards; and a
/// live document changed behind the projections' back shows up as exactly one difference.
/// </summary>
public sealed class when_history_is_replayed_and_compared(AppFixture fixture) : AuditScenarios(fixture)
{
    // It edits the event or document tables with SQL on purpose.
    protected override bool LedgerMustStaySound => false;

    [Fact]
    public async Task the_seeds_and_a_scenario_replay_to_the_same_documents_twice()
    {
        await RichHistory();

        var first = await Replay();
        var second = await Replay();

        first.Status.ShouldBe(ReplayStatus.Completed, first.Error);
        first.DifferenceCount.ShouldBe(0, string.Join("\n", first.Differences!.Select(d => $"{d.DocumentType} {d.Id} {d.Kind}")));
        first.EventCount.ShouldBe(await EventCount());
        first.ProjectionsDone.ShouldBe(first.ProjectionsTotal);
        first.Projections!.Count.ShouldBe(first.ProjectionsTotal);
        first.RequestedBy.ShouldBe(TestUsers.Admin().Username);
        first.DurationMilliseconds.ShouldNotBeNull();
        first.Documents!.ShouldAllBe(d => d.LiveHash == d.ReplayHash && d.LiveCount == d.ReplayCount);
        first.Documents!.Select(d => d.DocumentType).ShouldContain("VolunteerBalance");
        first.Documents!.Single(d => d.DocumentType == "StatementLine").ReplayCount.ShouldBeGreaterThan(5);
        first.Documents!.Single(d => d.DocumentType == "Certificate").ReplayCount.ShouldBe(1);

        second.Status.ShouldBe(ReplayStatus.Completed, second.Error);
        second.ReplayHash.ShouldBe(first.ReplayHash);
        second.Documents!.Select(d => d.ReplayHash).ShouldBe(first.Documents!.Select(d => d.ReplayHash));
        (await SchemaExists(first.ShadowSchema)).ShouldBeFalse();
        (await SchemaExists(second.ShadowSchema)).ShouldBeFalse();
    }

    [Fact]
    public async Task a_live_document_edited_behind_the_projections_back_is_the_one_difference()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        await Sql($"update \"{App.Schema}\".mt_doc_volunteerbalance set data = jsonb_set(data, '{{available}}', '999') where id = @a",
            Seeded.ZhangXiaomei);

        var report = await Replay();

        report.DifferenceCount.ShouldBe(1);
        var difference = report.Differences!.Single();
        (difference.DocumentType, difference.Id, difference.Kind)
            .ShouldBe(("VolunteerBalance", Seeded.ZhangXiaomei.ToString(), "different"));
        report.Documents!.Single(d => d.DocumentType == "VolunteerBalance").Differences.ShouldBe(1);
    }

    private async Task<bool> SchemaExists(string schema) =>
        (bool)(await Scalar("select exists (select 1 from pg_namespace where nspname = @a)", schema))!;
}
