using System.Net;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.ElderCare;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>PUT names the whole set of helpers; only the differences become events.</summary>
public sealed class when_helpers_are_paired(AppFixture fixture) : ElderScenarios(fixture)
{
    private static readonly Guid Elder1 = Seeded.Elder(1);

    private static readonly HelperAssignment[] SeededSet =
    [
        new(HelperRole.GridLeader, GridLeader1), new(HelperRole.GridMember, GridMember1),
        new(HelperRole.PartyMember, PartyMember1)
    ];

    [Fact]
    public async Task the_same_set_again_changes_nothing()
    {
        var before = await EventCount();

        var outcome = await Paired(Elder1, SeededSet.Reverse().ToArray());

        outcome.Paired.ShouldBeEmpty();
        outcome.Unpaired.ShouldBeEmpty();
        outcome.Helpers.ShouldBe(SeededSet);
        (await EventCount()).ShouldBe(before);
        (await Get<ElderDetails>($"/api/elders/{Elder1}")).Elder.PairingHistory.Count.ShouldBe(3);
    }

    [Fact]
    public async Task replacing_one_helper_unpairs_them_and_pairs_the_other_only()
    {
        var before = await EventCount();
        App.Clock.Advance(NodaTime.Duration.FromHours(2));

        var outcome = await Paired(Elder1, new(HelperRole.GridLeader, OtherGridLeader1),
            new(HelperRole.GridMember, GridMember1), new(HelperRole.PartyMember, PartyMember1));

        outcome.Unpaired.Select(u => (u.Role, u.VolunteerId)).ShouldBe([(HelperRole.GridLeader, GridLeader1)]);
        outcome.Paired.Select(p => (p.Role, p.VolunteerId)).ShouldBe([(HelperRole.GridLeader, OtherGridLeader1)]);
        (await EventCount()).ShouldBe(before + 2);

        var details = await Get<ElderDetails>($"/api/elders/{Elder1}");
        details.Elder.Helpers.Single(h => h.Role == HelperRole.GridLeader).VolunteerId.ShouldBe(OtherGridLeader1);
        details.Elder.PairingHistory.Select(p => (p.Change, p.Role, p.VolunteerId, p.At)).ShouldBe([
            (PairingChangeKind.Paired, HelperRole.GridLeader, GridLeader1, AppFixtureNow),
            (PairingChangeKind.Paired, HelperRole.GridMember, GridMember1, AppFixtureNow),
            (PairingChangeKind.Paired, HelperRole.PartyMember, PartyMember1, AppFixtureNow),
            (PairingChangeKind.Unpaired, HelperRole.GridLeader, GridLeader1, App.Clock.GetCurrentInstant()),
            (PairingChangeKind.Paired, HelperRole.GridLeader, OtherGridLeader1, App.Clock.GetCurrentInstant())
        ]);
        details.Elder.PairingHistory[^1].By.ShouldBe("clerk-li");
        details.Volunteers.Select(v => v.DisplayName).ShouldBe(["冯玉兰", "张晓梅", "李建国", "钱卫东"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task swapping_two_roles_unpairs_both_before_pairing_both()
    {
        var outcome = await Paired(Elder1, new(HelperRole.GridLeader, GridLeader1),
            new(HelperRole.GridMember, PartyMember1), new(HelperRole.PartyMember, GridMember1));

        outcome.Unpaired.Select(u => (u.Role, u.VolunteerId)).ShouldBe([
            (HelperRole.GridMember, GridMember1), (HelperRole.PartyMember, PartyMember1)
        ]);
        outcome.Paired.Select(p => (p.Role, p.VolunteerId)).ShouldBe([
            (HelperRole.GridMember, PartyMember1), (HelperRole.PartyMember, GridMember1)
        ]);
    }

    [Fact]
    public async Task an_empty_set_unpairs_everyone_and_leaves_no_active_helper()
    {
        var outcome = await Paired(Elder1);

        outcome.Unpaired.Count.ShouldBe(3);
        outcome.Helpers.ShouldBeEmpty();
        (await Get<ElderDetails>($"/api/elders/{Elder1}")).Elder.Helpers.ShouldBeEmpty();
        (await Coverage(Elder1)).ActiveHelpers.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_volunteer_of_another_community_cannot_be_paired()
    {
        var stranger = await ForeignCommunityWithVolunteer();
        var before = await EventCount();

        await (await PutHelpers(Elder1, new(HelperRole.GridLeader, GridLeader1),
                new(HelperRole.GridMember, stranger)))
            .ShouldBeProblem(422, "volunteer_not_in_community", "helpers[1].volunteerId");
        (await EventCount()).ShouldBe(before);
    }

    private static NodaTime.Instant AppFixtureNow => AppFactory.DefaultNow;
}
