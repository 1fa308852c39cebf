using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using static QunTuan.Ledger.Tests.RiverGuarding.River;

namespace QunTuan.Ledger.Tests.RiverGuarding;

public sealed class when_forming_a_river_team
{
    private static readonly Guid OtherCommunity = new("0a000000-0000-4000-8000-000000000009");

    private static FormRiverTeam Form(Guid[]? members = null, SegmentSpec[]? segments = null,
        string name = " 兰花社区“河小二”护河队 ", RiverTeamScope scope = RiverTeamScope.Community) =>
        new(TeamId, Build.Lanhua, name, members ?? [Volunteer(1), Volunteer(2)],
            segments ?? [new SegmentSpec(Lanjiang, " 兰江兰花段 ", 1200), new SegmentSpec(InnerRiver, "社区内河", 800)],
            "office", scope);

    private static RiverTeamFormed Decide(FormRiverTeam command, bool exists = false,
        IReadOnlySet<Guid>? takenSegments = null, params VolunteerAccount[] extra)
    {
        var volunteers = Enumerable.Range(1, 5).Select(n => Account(Volunteer(n))).Concat(extra)
            .ToDictionary(v => v.Id);
        return FormRiverTeamDecider.Decide(command, exists, volunteers, Streets, takenSegments ?? new HashSet<Guid>(),
            Build.Now);
    }

    [Fact]
    public void the_team_starts_with_its_members_and_segments()
    {
        var formed = Decide(Form());

        formed.TeamId.ShouldBe(TeamId);
        formed.CommunityId.ShouldBe(Build.Lanhua);
        formed.Name.ShouldBe("兰花社区“河小二”护河队");
        formed.Members.ShouldBe([Volunteer(1), Volunteer(2)]);
        formed.Segments.ShouldBe([new RiverSegment(Lanjiang, "兰江兰花段", 1200), new RiverSegment(InnerRiver, "社区内河", 800)]);
        formed.FormedAt.ShouldBe(Build.Now);
        formed.FormedBy.ShouldBe("office");

        formed.Scope.ShouldBe(RiverTeamScope.Community);
        formed.Street.ShouldBeNull();

        var team = RiverTeam.Create(formed);
        team.Street.ShouldBeNull();
        team.HasMember(Volunteer(2)).ShouldBeTrue();
        team.HasMember(Volunteer(3)).ShouldBeFalse();
        team.Segment(InnerRiver)!.LengthMetres.ShouldBe(800);
    }

    [Fact]
    public void a_team_id_is_used_once()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Form(), exists: true));

        violation.Code.ShouldBe("river_team_exists");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
        violation.Field.ShouldBe("teamId");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void the_name_is_required(string name)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Form(name: name)));

        violation.Code.ShouldBe("required");
        violation.Field.ShouldBe("name");
    }

    [Fact]
    public void members_must_be_volunteers_of_the_community_listed_once()
    {
        var unknown = Should.Throw<LedgerRuleViolation>(() => Decide(Form([Volunteer(1), Volunteer(9)])));
        unknown.Code.ShouldBe("volunteer_not_found");
        unknown.Field.ShouldBe("members[1]");

        var stranger = Account(Volunteer(8), OtherCommunity);
        var elsewhere = Should.Throw<LedgerRuleViolation>(() => Decide(Form([Volunteer(8)]), extra: stranger));
        elsewhere.Code.ShouldBe("member_not_in_community");
        elsewhere.Field.ShouldBe("members[0]");

        var twice = Should.Throw<LedgerRuleViolation>(() => Decide(Form([Volunteer(1), Volunteer(2), Volunteer(1)])));
        twice.Code.ShouldBe("duplicate_member");
        twice.Field.ShouldBe("members[2]");

        Should.Throw<LedgerRuleViolation>(() => Decide(Form([]))).Code.ShouldBe("members_out_of_range");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-800)]
    [InlineData(100_001)]
    public void a_segment_is_one_metre_to_a_hundred_kilometres(int metres)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            Decide(Form(segments: [new SegmentSpec(Lanjiang, "兰江兰花段", 1200), new SegmentSpec(InnerRiver, "社区内河", metres)])));

        violation.Code.ShouldBe("segment_length_out_of_range");
        violation.Field.ShouldBe("segments[1].lengthMetres");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public void the_length_bounds_are_inclusive(int metres)
    {
        Decide(Form(segments: [new SegmentSpec(Lanjiang, "兰江兰花段", metres)])).Segments[0].LengthMetres.ShouldBe(metres);
    }

    [Fact]
    public void segments_are_required_and_distinct_by_id_and_name()
    {
        Should.Throw<LedgerRuleViolation>(() => Decide(Form(segments: []))).Code.ShouldBe("segments_out_of_range");

        var sameId = Should.Throw<LedgerRuleViolation>(() =>
            Decide(Form(segments: [new SegmentSpec(Lanjiang, "兰江兰花段", 1200), new SegmentSpec(Lanjiang, "社区内河", 800)])));
        sameId.Code.ShouldBe("duplicate_segment");
        sameId.Field.ShouldBe("segments[1].segmentId");

        var sameName = Should.Throw<LedgerRuleViolation>(() =>
            Decide(Form(segments: [new SegmentSpec(Lanjiang, "Lan River", 1200), new SegmentSpec(InnerRiver, " lan river ", 800)])));
        sameName.Code.ShouldBe("segment_name_taken");
        sameName.Field.ShouldBe("segments[1].name");
    }

    [Fact]
    public void a_segment_another_team_guards_cannot_be_claimed()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Form(), takenSegments: new HashSet<Guid> { InnerRiver }));

        violation.Code.ShouldBe("river_segment_exists");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
        violation.Field.ShouldBe("segments[1].segmentId");
    }

    [Fact]
    public void names_may_not_hold_personal_data()
    {
        Should.Throw<LedgerRuleViolation>(() => Decide(Form(name: "护河队 13812345678"))).Field.ShouldBe("name");
        Should.Throw<LedgerRuleViolation>(() =>
                Decide(Form(segments: [new SegmentSpec(Lanjiang, "兰江 330781199001011234", 1200)])))
            .Field.ShouldBe("segments[0].name");
    }

    [Fact]
    public void a_street_team_takes_members_from_every_community_of_its_street()
    {
        var neighbour = Account(Volunteer(8), Meihua);

        var formed = Decide(Form([Volunteer(1), Volunteer(8)], scope: RiverTeamScope.Street), extra: neighbour);

        formed.CommunityId.ShouldBe(Build.Lanhua);
        formed.Scope.ShouldBe(RiverTeamScope.Street);
        (formed.City, formed.Street).ShouldBe(("兰溪市", "兰江街道"));
        formed.Members.ShouldBe([Volunteer(1), Volunteer(8)]);
        var team = RiverTeam.Create(formed);
        team.Street.ShouldBe(Lanjiangjie);
        team.HasMember(Volunteer(8)).ShouldBeTrue();
    }

    [Fact]
    public void a_street_team_refuses_a_member_of_another_street()
    {
        var outsider = Account(Volunteer(8), Zhuyuan);

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            Decide(Form([Volunteer(1), Volunteer(8)], scope: RiverTeamScope.Street), extra: outsider));

        violation.Code.ShouldBe("member_not_in_street");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
        violation.Field.ShouldBe("members[1]");
        violation.Message.ShouldContain("兰江街道");
    }

    [Fact]
    public void a_community_team_refuses_a_neighbour_of_the_same_street()
    {
        var neighbour = Account(Volunteer(8), Meihua);

        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Form([Volunteer(1), Volunteer(8)]), extra: neighbour));

        violation.Code.ShouldBe("member_not_in_community");
        violation.Field.ShouldBe("members[1]");
    }

    [Fact]
    public void an_unknown_scope_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Form(scope: (RiverTeamScope)7)));

        violation.Code.ShouldBe("unknown_team_scope");
        violation.Field.ShouldBe("scope");
    }
}
