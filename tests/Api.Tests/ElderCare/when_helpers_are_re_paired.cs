using QunTuan.Api.ElderCare;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>A pairing holds from the day it is made up to the day it ends: visits are checked against the date.</summary>
public sealed class when_helpers_are_re_paired(AppFixture fixture) : ElderScenarios(fixture)
{
    private static readonly Guid Elder1 = Seeded.Elder(1);

    [Fact]
    public async Task the_new_helper_may_visit_the_old_one_no_longer_and_history_shows_both()
    {
        NextDay();
        var tuesday = TodayNow;
        (await Visited(Elder1, GridLeader1)).Points.ShouldBe(5);
        NextDay(); // Wednesday: the office hands elder 1's grid-leader place to 冯玉兰
        await Paired(Elder1, new(HelperRole.GridLeader, OtherGridLeader1), new(HelperRole.GridMember, GridMember1),
            new(HelperRole.PartyMember, PartyMember1));

        await (await Visit(Elder1, GridLeader1)).ShouldBeProblem(422, "not_paired", "volunteerId");
        (await Visited(Elder1, OtherGridLeader1)).Role.ShouldBe(HelperRole.GridLeader);

        // Dates still matter: Tuesday was the old helper's to log, not the new one's.
        (await Visited(Elder1, GridLeader1, tuesday, minutes: 30)).Reason
            .ShouldBe(VisitCreditReason.AlreadyCreditedToday);
        await (await Visit(Elder1, OtherGridLeader1, tuesday)).ShouldBeProblem(422, "not_paired", "volunteerId");

        var history = (await Get<ElderDetails>($"/api/elders/{Elder1}")).Elder.PairingHistory
            .Where(p => p.Role == HelperRole.GridLeader)
            .Select(p => (p.Change, p.VolunteerId)).ToList();
        history.ShouldBe([
            (PairingChangeKind.Paired, GridLeader1), (PairingChangeKind.Unpaired, GridLeader1),
            (PairingChangeKind.Paired, OtherGridLeader1)
        ]);
        (await Coverage(Elder1)).ActiveHelpers.Single(h => h.Role == HelperRole.GridLeader).VolunteerId
            .ShouldBe(OtherGridLeader1);
    }

    [Fact]
    public async Task pairing_the_old_helper_back_lets_them_visit_again()
    {
        var others = new HelperAssignment[]
            { new(HelperRole.GridMember, GridMember1), new(HelperRole.PartyMember, PartyMember1) };
        await Paired(Elder1, [new(HelperRole.GridLeader, OtherGridLeader1), ..others]);
        NextDay();
        await Paired(Elder1, [new(HelperRole.GridLeader, GridLeader1), ..others]);

        (await Visited(Elder1, GridLeader1)).Points.ShouldBe(5);
        await (await Visit(Elder1, OtherGridLeader1)).ShouldBeProblem(422, "not_paired", "volunteerId");
        (await Get<ElderDetails>($"/api/elders/{Elder1}")).Elder.PairingHistory.Count.ShouldBe(3 + 2 + 2);
    }
}
