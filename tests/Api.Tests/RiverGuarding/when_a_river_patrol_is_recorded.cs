using System.Net;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.ServiceRecords;

namespace QunTuan.Api.Tests.RiverGuarding;

public sealed class when_a_river_patrol_is_recorded(AppFixture fixture) : RiverScenarios(fixture)
{
    [Fact]
    public async Task credited_at_once_every_participant_earns_cb04_points_for_the_duration()
    {
        var participants = Members[..3];

        var patrol = await Patrol(Lanjiang, Yesterday, participants, Nine, HalfPastEleven, creditNow: true);

        patrol.DurationMinutes.ShouldBe(150);
        patrol.Participants.Select(p => p.VolunteerId).ShouldBe(participants);
        patrol.Participants.ShouldAllBe(p => p.RecordStatus == ServiceRecordStatus.Credited && p.Points == 25);
        foreach (var participant in patrol.Participants)
        {
            var record = await Get<ServiceRecordView>($"/api/service-records/{participant.RecordId}");
            record.Status.ShouldBe(ServiceRecordStatus.Credited);
            record.VolunteerId.ShouldBe(participant.VolunteerId);
            record.ActivityCode.ShouldBe("CB04");
            record.ServiceDate.ShouldBe(Yesterday);
            record.DurationMinutes.ShouldBe(150);
            record.Points.ShouldBe(25);
            record.RuleId.ShouldBe("CB04.v1");
            record.Origin.ShouldBe(new ServiceOrigin(ServiceOrigin.RiverPatrol, patrol.PatrolId));
            (await Balance(participant.VolunteerId)).Available.ShouldBe(25);
        }
        (await Balance(Members[3])).Available.ShouldBe(0);

        var stored = await Get<RiverPatrolView>($"/api/river-patrols/{patrol.PatrolId}");
        stored.TeamId.ShouldBe(Team);
        stored.SegmentId.ShouldBe(Lanjiang);
        stored.CreditNow.ShouldBeTrue();
        stored.Participants.Select(p => p.RecordId).ShouldBe(patrol.Participants.Select(p => p.RecordId));
    }

    [Fact]
    public async Task without_credit_now_the_records_wait_in_the_office_queue()
    {
        var patrol = await Patrol(InnerRiver, Yesterday, Members[..3], creditNow: false);

        patrol.Participants.ShouldAllBe(p => p.RecordStatus == ServiceRecordStatus.Pending && p.Points == null);
        var queue = await Get<ResultPage<QueuedServiceRecord>>("/api/communities/lanhua/service-records?status=pending");
        queue.Items.Select(q => q.Record.Id).Order().ShouldBe(patrol.Participants.Select(p => p.RecordId!.Value).Order());
        queue.Items.ShouldAllBe(q => q.Record.Origin!.Kind == ServiceOrigin.RiverPatrol && q.Record.Origin.Id == patrol.PatrolId);
        foreach (var volunteer in Members[..3])
            (await Balance(volunteer)).Available.ShouldBe(0);

        var verified = await Verify(patrol.Participants[0].RecordId!.Value);
        verified.Points.ShouldBe(25);
    }

    [Fact]
    public async Task a_participant_who_is_not_a_member_is_refused_and_nothing_is_written()
    {
        var before = await EventCount();

        var response = await Post(Patrols(Team), new RecordRiverPatrolRequest(Lanjiang, Yesterday, Nine,
            HalfPastEleven, [Members[0], Seeded.ZhangXiaomei], [Litter()], CreditNow: true));

        await response.ShouldBeProblem(422, "participant_not_member", "participants[1]");
        (await EventCount()).ShouldBe(before);
        (await Balance(Members[0])).Available.ShouldBe(0);
    }

    [Fact]
    public async Task a_patrol_below_the_minimum_is_kept_but_records_nobody_and_says_why()
    {
        var before = await EventCount();

        var patrol = await Patrol(Lanjiang, Yesterday, Members[..2], Nine, new(9, 45), findings: [Litter()]);

        patrol.DurationMinutes.ShouldBe(45);
        patrol.Participants.ShouldAllBe(p => p.RecordId == null && p.RecordStatus == null
                                             && p.NotRecordedCode == "duration_below_minimum");
        patrol.Participants[0].NotRecordedReason!.ShouldContain("60");
        // The patrol and its finding only: no service record, no credit.
        (await EventCount()).ShouldBe(before + 2);
        (await Balance(Members[0])).Available.ShouldBe(0);
        var coverage = await Coverage(Team, Lanjiang);
        coverage.LastPatrolDate.ShouldBe(Yesterday);
        coverage.OpenFindingsCount.ShouldBe(1);
    }

    [Fact]
    public async Task the_same_patrol_id_cannot_be_recorded_twice()
    {
        var request = new RecordRiverPatrolRequest(Lanjiang, Yesterday, Nine, HalfPastEleven, Members[..1],
            CreditNow: true, PatrolId: Guid.CreateVersion7());
        (await Post(Patrols(Team), request)).ShouldBe(HttpStatusCode.Created);
        var before = await EventCount();

        await (await Post(Patrols(Team), request)).ShouldBeProblem(409, "river_patrol_exists", "patrolId");

        (await EventCount()).ShouldBe(before);
        (await Balance(Members[0])).Available.ShouldBe(25);
    }
}
