using Marten;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Projections.ServiceRecords;

namespace QunTuan.Api.Tests.ElderCare;

public sealed class when_a_helper_visits_an_elder(AppFixture fixture) : ElderScenarios(fixture)
{
    private static readonly Guid Elder1 = Seeded.Elder(1);

    [Fact]
    public async Task the_first_visit_of_the_day_is_credited_at_once_under_pv01()
    {
        var visit = await Visited(Elder1, GridLeader1, minutes: 35, note: "量了血压，精神不错");

        visit.Role.ShouldBe(HelperRole.GridLeader);
        visit.Points.ShouldBe(5);
        visit.Reason.ShouldBeNull();
        visit.AlertId.ShouldBeNull();
        visit.Note.ShouldBe("量了血压，精神不错");
        visit.LoggedBy.ShouldBe("clerk-li");

        var record = await Get<ServiceRecordView>($"/api/service-records/{visit.RecordId}");
        record.Status.ShouldBe(ServiceRecordStatus.Credited);
        record.ActivityCode.ShouldBe("PV01");
        record.VolunteerId.ShouldBe(GridLeader1);
        record.ServiceDate.ShouldBe(Today);
        record.Points.ShouldBe(5);
        record.Minutes.ShouldBe(35);
        record.Origin.ShouldBe(new ServiceOrigin(ServiceOrigin.ElderVisit, Elder1));
        (await Balance(GridLeader1)).Available.ShouldBe(5);
    }

    [Fact]
    public async Task a_second_visit_the_same_day_is_logged_but_earns_nothing_more()
    {
        var first = await Visited(Elder1, GridLeader1);
        App.Clock.Advance(NodaTime.Duration.FromHours(6));

        var response = await Visit(Elder1, GridLeader1, minutes: 15);
        var second = await Read<ElderVisitLogged>(response);
        var body = await response.Content.ReadAsStringAsync();

        second.RecordId.ShouldBeNull();
        second.Points.ShouldBe(0);
        second.Reason.ShouldBe(VisitCreditReason.AlreadyCreditedToday);
        body.ShouldContain("\"reason\":\"already_credited_today\"");
        (await Balance(GridLeader1)).Available.ShouldBe(5);
        await using var session = Store.QuerySession();
        (await session.Query<ServiceRecordView>().CountAsync(r => r.VolunteerId == GridLeader1)).ShouldBe(1);
        (await Coverage(Elder1)).VisitsToday.ShouldBe(2);

        // Another helper of the same elder that day, and the same helper the next day, are credited again.
        (await Visited(Elder1, GridMember1)).Points.ShouldBe(5);
        NextDay();
        var tomorrow = await Visited(Elder1, GridLeader1);
        tomorrow.Points.ShouldBe(5);
        tomorrow.RecordId.ShouldNotBe(first.RecordId);
    }

    [Fact]
    public async Task a_volunteer_not_paired_with_the_elder_is_refused_and_nothing_is_written()
    {
        var before = await EventCount();

        await (await Visit(Elder1, OtherGridLeader1)).ShouldBeProblem(422, "not_paired", "volunteerId");

        (await EventCount()).ShouldBe(before);
        (await Balance(OtherGridLeader1)).Available.ShouldBe(0);
        (await Coverage(Elder1)).TotalVisits.ShouldBe(0);
    }

    [Fact]
    public async Task a_visit_dated_before_the_pairing_is_refused()
    {
        // The seeds paired elder 1's helpers today: yesterday they were not yet paired.
        await (await Visit(Elder1, GridLeader1, Today.PlusDays(-1)))
            .ShouldBeProblem(422, "not_paired", "volunteerId");
    }

    [Fact]
    public async Task the_visit_counts_toward_the_elders_coverage()
    {
        await Visited(Elder1, GridLeader1);
        await Visited(Elder1, PartyMember1);

        var coverage = await Coverage(Elder1);

        coverage.LastVisitDate.ShouldBe(Today);
        coverage.DaysSinceLastVisit.ShouldBe(0);
        coverage.VisitsToday.ShouldBe(2);
        coverage.VisitsThisWeek.ShouldBe(2);
        coverage.ActiveHelpers.Select(h => (h.Role, h.VolunteerId, h.VisitsThisWeek)).ShouldBe([
            (HelperRole.GridLeader, GridLeader1, 1), (HelperRole.GridMember, GridMember1, 0),
            (HelperRole.PartyMember, PartyMember1, 1)
        ]);
        coverage.ActiveHelpers[0].DisplayName.ShouldBe("钱卫东");
    }
}
