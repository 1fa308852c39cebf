using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Patrols;

public sealed class when_forming_a_patrol_team
{
    private static readonly Guid TeamId = new("0e000000-0000-4000-8000-000000000001");
    private static readonly Guid Outsider = new("0b000000-0000-4000-8000-000000000009");

    private static FormPatrolTeam Command(Guid[]? organizers = null, Guid[]? members = null, string name = "兰花社区平安巡防队") =>
        new(TeamId, Build.Lanhua, name, organizers ?? [Patrol.Li], members ?? [Patrol.Zhang, Patrol.Wang], "office");

    private static PatrolTeamFormed Decide(FormPatrolTeam command, bool exists = false) =>
        FormPatrolTeamDecider.Decide(command, exists, Patrol.Communities, Build.Now);

    private static LedgerRuleViolation Refused(FormPatrolTeam command, bool exists = false) =>
        Should.Throw<LedgerRuleViolation>(() => Decide(command, exists));

    [Fact]
    public void a_team_of_the_communitys_volunteers_is_formed()
    {
        var formed = Decide(Command());

        (formed.TeamId, formed.CommunityId, formed.Name).ShouldBe((TeamId, Build.Lanhua, "兰花社区平安巡防队"));
        formed.OrganizerIds.ShouldBe([Patrol.Li]);
        formed.MemberIds.ShouldBe([Patrol.Zhang, Patrol.Wang]);
        var team = PatrolTeam.Create(formed);
        team.Size.ShouldBe(3);
        team.Has(Patrol.Wang).ShouldBeTrue();
    }

    [Fact]
    public void a_team_needs_an_organizer()
    {
        var violation = Refused(Command(organizers: []));

        (violation.Code, violation.Field).ShouldBe(("organizer_required", "organizerIds"));
    }

    [Fact]
    public void nobody_is_listed_twice_even_across_roles()
    {
        var violation = Refused(Command(members: [Patrol.Zhang, Patrol.Li]));

        (violation.Code, violation.Field).ShouldBe(("duplicate_volunteer", "memberIds"));
    }

    [Fact]
    public void every_volunteer_is_registered_in_the_teams_community()
    {
        var foreign = Refused(Command(members: [Outsider]));
        (foreign.Code, foreign.Field).ShouldBe(("volunteer_not_in_community", "memberIds"));
        var unknown = Refused(Command(organizers: [Guid.NewGuid()]));
        (unknown.Code, unknown.Kind, unknown.Field).ShouldBe(("volunteer_not_found", ViolationKind.NotFound, "organizerIds"));
    }

    [Fact]
    public void the_name_is_required_and_free_of_personal_data()
    {
        Refused(Command(name: "")).Code.ShouldBe("required");
        Refused(Command(name: "巡防队 13812345678")).Code.ShouldBe("personal_data_not_allowed");
    }

    [Fact]
    public void an_existing_team_id_is_a_conflict()
    {
        Refused(Command(), exists: true).Code.ShouldBe("patrol_team_exists");
    }

    [Fact]
    public void a_member_joins_once_in_the_role_given()
    {
        var team = PatrolTeam.Create(Decide(Command(members: [Patrol.Zhang])));
        var join = new AddPatrolTeamMember(TeamId, Patrol.Wang, PatrolTeamRole.Organizer, "office");

        var joined = AddPatrolTeamMemberDecider.Decide(join, team, Patrol.Communities, Build.Now);

        joined.ShouldBe(new PatrolTeamMemberJoined(TeamId, Patrol.Wang, PatrolTeamRole.Organizer, Build.Now, "office"));
        team = team.Apply(joined);
        team.Organizers.ShouldBe([Patrol.Li, Patrol.Wang], ignoreOrder: true);
        Should.Throw<LedgerRuleViolation>(() => AddPatrolTeamMemberDecider.Decide(join with { Role = PatrolTeamRole.Member },
            team, Patrol.Communities, Build.Now)).Code.ShouldBe("already_team_member");
        Should.Throw<LedgerRuleViolation>(() => AddPatrolTeamMemberDecider.Decide(join with { VolunteerId = Outsider },
            team, Patrol.Communities, Build.Now)).Code.ShouldBe("volunteer_not_in_community");
    }
}
