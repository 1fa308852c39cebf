using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.Shared;
using static QunTuan.Ledger.Tests.RiverGuarding.River;

namespace QunTuan.Ledger.Tests.RiverGuarding;

public sealed class when_a_river_team_grows
{
    private static readonly Guid NewSegment = new("0d000000-0000-4000-8000-0000000000a3");

    private static RiverSegmentAdded Add(string name = " 小溪口 ", int metres = 300, RiverTeam? team = null,
        IReadOnlySet<Guid>? taken = null) =>
        AddRiverSegmentDecider.Decide(new AddRiverSegment(TeamId, NewSegment, name, metres, "office"), team ?? Team(),
            taken ?? new HashSet<Guid>(), Build.Now);

    [Fact]
    public void a_volunteer_of_the_community_joins()
    {
        var joined = JoinRiverTeamDecider.Decide(new JoinRiverTeam(TeamId, Volunteer(5), "office"), Team(),
            Account(Volunteer(5)), Lanjiangjie, Build.Now);

        joined.ShouldBe(new RiverTeamMemberJoined(TeamId, Volunteer(5), Build.Now, "office"));
        Team().Apply(joined).HasMember(Volunteer(5)).ShouldBeTrue();
    }

    [Fact]
    public void a_member_cannot_join_twice()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => JoinRiverTeamDecider.Decide(
            new JoinRiverTeam(TeamId, Volunteer(1), "office"), Team(), Account(Volunteer(1)), Lanjiangjie, Build.Now));

        violation.Code.ShouldBe("already_member");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void an_unknown_volunteer_or_one_of_another_community_cannot_join()
    {
        Should.Throw<LedgerRuleViolation>(() => JoinRiverTeamDecider.Decide(
                new JoinRiverTeam(TeamId, Volunteer(9), "office"), Team(), null, null, Build.Now))
            .Code.ShouldBe("volunteer_not_found");
        var elsewhere = Should.Throw<LedgerRuleViolation>(() => JoinRiverTeamDecider.Decide(
            new JoinRiverTeam(TeamId, Volunteer(9), "office"), Team(), Account(Volunteer(9), Meihua), Lanjiangjie,
            Build.Now));
        elsewhere.Code.ShouldBe("member_not_in_community");
        elsewhere.Field.ShouldBe("volunteerId");
    }

    [Fact]
    public void a_street_team_takes_a_neighbour_of_its_street_and_refuses_one_from_elsewhere()
    {
        var streetTeam = RiverTeam.Create(Formed() with
        {
            Scope = RiverTeamScope.Street, City = Lanjiangjie.City, Street = Lanjiangjie.Street
        });

        JoinRiverTeamDecider.Decide(new JoinRiverTeam(TeamId, Volunteer(8), "office"), streetTeam,
            Account(Volunteer(8), Meihua), Lanjiangjie, Build.Now).VolunteerId.ShouldBe(Volunteer(8));
        var elsewhere = Should.Throw<LedgerRuleViolation>(() => JoinRiverTeamDecider.Decide(
            new JoinRiverTeam(TeamId, Volunteer(9), "office"), streetTeam, Account(Volunteer(9), Zhuyuan), Yunshanjie,
            Build.Now));
        elsewhere.Code.ShouldBe("member_not_in_street");
        elsewhere.Field.ShouldBe("volunteerId");
    }

    [Fact]
    public void a_segment_is_added_with_a_trimmed_name()
    {
        var added = Add();

        added.ShouldBe(new RiverSegmentAdded(TeamId, NewSegment, "小溪口", 300, Build.Now, "office"));
        Team().Apply(added).Segment(NewSegment)!.Name.ShouldBe("小溪口");
    }

    [Fact]
    public void a_segment_name_is_used_once_per_team()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Add("兰江兰花段"));

        violation.Code.ShouldBe("segment_name_taken");
        violation.Field.ShouldBe("name");
    }

    [Fact]
    public void a_segment_id_some_team_guards_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Add(taken: new HashSet<Guid> { NewSegment }));

        violation.Code.ShouldBe("river_segment_exists");
        violation.Field.ShouldBe("segmentId");
    }

    [Fact]
    public void a_segment_length_is_checked_as_at_formation()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Add(metres: 100_001));

        violation.Code.ShouldBe("segment_length_out_of_range");
        violation.Field.ShouldBe("lengthMetres");
    }
}
