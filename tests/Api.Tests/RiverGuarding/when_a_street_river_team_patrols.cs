using System.Net;
using Npgsql;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Participation;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Statements;

namespace QunTuan.Api.Tests.RiverGuarding;

/// <summary>
/// A street team (街道护河队) hosted by Lanhua with members from Meihua, a community of the same street (兰江街道):
/// Lanhua's office runs it, its members work it wherever they live, and each participant's service is recorded,
/// verified and counted in the participant's own community.
/// </summary>
public sealed class when_a_street_river_team_patrols(AppFixture fixture) : RiverScenarios(fixture)
{
    private static readonly Guid LanhuaMember = Seeded.Volunteer(1);

    private static FormRiverTeamRequest StreetTeam(params Guid[] members) =>
        new("lanhua", "兰江街道联合护河队", members, [new RiverSegmentRequest("兰江梅花段", 1500)],
            Scope: RiverTeamScope.Street);

    private async Task<RiverTeamFormed> FormStreetTeam(params Guid[] members)
    {
        var response = await Post("/api/river-teams", StreetTeam(members));
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<RiverTeamFormed>(response);
    }

    private static QunTuan.Api.Identity.UserAccount MeihuaOffice => TestUsers.Office("clerk-mei", Meihua);

    [Fact]
    public async Task a_member_from_a_neighbouring_community_logs_a_patrol_and_each_participant_is_credited_at_home()
    {
        var mei = await ForeignCommunityWithVolunteer();
        var meiUser = TestUsers.Volunteer(mei, Meihua, "mei-chenjing");
        var formed = await FormStreetTeam(LanhuaMember, mei);
        var segment = formed.Segments[0].SegmentId;

        // Her team, as she reads it: hosted by Lanhua, recruiting from the street.
        var team = await GetAs<RiverTeamView>(meiUser, $"/api/river-teams/{formed.TeamId}");
        team.CommunityId.ShouldBe(Seeded.Lanhua);
        team.Scope.ShouldBe(RiverTeamScope.Street);
        (team.City, team.Street).ShouldBe(("兰溪市", "兰江街道"));
        team.Members.Select(m => m.VolunteerId).ShouldBe([LanhuaMember, mei]);

        var logged = await Post(Patrols(formed.TeamId), new RecordRiverPatrolRequest(segment, Yesterday, Nine,
            HalfPastEleven, [LanhuaMember, mei], [Litter()]), user: meiUser);
        logged.ShouldBe(HttpStatusCode.Created);
        var patrol = await Read<RiverPatrolAccepted>(logged);
        patrol.Participants.ShouldAllBe(p => p.RecordStatus == ServiceRecordStatus.Pending);
        var lanhuaRecord = patrol.Participants.Single(p => p.VolunteerId == LanhuaMember).RecordId!.Value;
        var meiRecord = patrol.Participants.Single(p => p.VolunteerId == mei).RecordId!.Value;

        // Each record waits in its participant's own community's queue, for that community's office.
        (await Get<ResultPage<QueuedServiceRecord>>("/api/communities/lanhua/service-records?status=pending"))
            .Items.Select(q => q.Record.Id).ShouldBe([lanhuaRecord]);
        (await GetAs<ResultPage<QueuedServiceRecord>>(MeihuaOffice, "/api/communities/meihua/service-records?status=pending"))
            .Items.Select(q => q.Record.Id).ShouldBe([meiRecord]);
        await (await Post($"/api/service-records/{meiRecord}/verify")).ShouldBeProblem(404, "service_record_not_found");
        (await Verify(lanhuaRecord)).Points.ShouldBe(25);
        var verified = await Post($"/api/service-records/{meiRecord}/verify", user: MeihuaOffice);
        verified.ShouldBe(HttpStatusCode.OK);
        (await Read<VerificationResult>(verified)).Points.ShouldBe(25);

        foreach (var (volunteer, record, community) in new[]
                 {
                     (LanhuaMember, lanhuaRecord, Seeded.Lanhua), (mei, meiRecord, Meihua)
                 })
        {
            var view = await GetAs<ServiceRecordView>(TestUsers.Admin(), $"/api/service-records/{record}");
            view.CommunityId.ShouldBe(community);
            view.Status.ShouldBe(ServiceRecordStatus.Credited);
            var statement = await GetAs<Statement>(TestUsers.Admin(), $"/api/volunteers/{volunteer}/statement");
            statement.Balance.Available.ShouldBe(25);
            statement.Movements.Items.Select(l => (l.Kind, l.Points, l.BalanceAfter, l.RecordId, l.ActivityCode))
                .ShouldBe([(MovementKind.Credit, 25, 25, (Guid?)record, "CB04")]);
            // The record and the account are in the participant's community's hash chain; the patrol in the host's.
            (await ChainsOf(record)).ShouldBe([AuditChain.For(community)]);
            (await ChainsOf(volunteer)).ShouldBe([AuditChain.For(community)]);
        }
        (await ChainsOf(patrol.PatrolId)).ShouldBe([AuditChain.For(Seeded.Lanhua)]);

        // One resident, one person-time and one session in each community's statistics.
        foreach (var community in new[] { "lanhua", "meihua" })
        {
            var report = await GetAs<ParticipationReport>(TestUsers.Admin(),
                $"/api/communities/{community}/participation?period=2026-11&fresh=true");
            (report.Participants, report.PersonTimes, report.Sessions, report.PointsIssued, report.ServiceMinutes)
                .ShouldBe((1L, 1L, 1L, 25L, 150L), community);
        }

        // She resolves what the patrol found, as any member may.
        (await Post($"/api/river-findings/{patrol.FindingIds[0]}/resolve", new ResolveRiverFindingRequest("已清理"),
            user: meiUser)).ShouldBe(HttpStatusCode.OK);
        (await GetAs<RiverPatrolView>(meiUser, $"/api/river-patrols/{patrol.PatrolId}")).CommunityId.ShouldBe(Seeded.Lanhua);
        (await Coverage(formed.TeamId, segment)).OpenFindingsCount.ShouldBe(0);

        (await GetAs<ChainVerification>(TestUsers.Admin(), "/api/audit/chain/verify")).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task the_host_office_runs_the_team_and_only_its_members_from_the_street_work_it()
    {
        var mei = await ForeignCommunityWithVolunteer();
        var recruit = await ForeignCommunityWithVolunteer("梅二");
        var outsider = await ForeignCommunityWithVolunteer("梅三");
        var formed = await FormStreetTeam(LanhuaMember, mei);
        var segment = formed.Segments[0].SegmentId;
        var patrol = new RecordRiverPatrolRequest(segment, Yesterday, Nine, HalfPastEleven, [mei]);

        // Meihua's office does not run a team Lanhua hosts; Lanhua's office does, and recruits from the street.
        await (await Post($"/api/river-teams/{formed.TeamId}/members", new JoinRiverTeamRequest(recruit),
            user: MeihuaOffice)).ShouldBeProblem(404, "river_team_not_found");
        (await Post($"/api/river-teams/{formed.TeamId}/members", new JoinRiverTeamRequest(recruit)))
            .ShouldBe(HttpStatusCode.Created);
        (await Post(Patrols(formed.TeamId), patrol with { Participants = [recruit] },
            user: TestUsers.Volunteer(recruit, Meihua, "mei-recruit"))).ShouldBe(HttpStatusCode.Created);

        // A volunteer of the street who is not on the team can neither see it nor log for it.
        var stranger = TestUsers.Volunteer(outsider, Meihua, "mei-outsider");
        using (var client = App.ClientFor(stranger))
            await (await client.GetAsync($"/api/river-teams/{formed.TeamId}")).ShouldBeProblem(404, "river_team_not_found");
        await (await Post(Patrols(formed.TeamId), patrol, user: stranger)).ShouldBeProblem(404, "river_team_not_found");

        // A member logs; only the office credits at once.
        var member = TestUsers.Volunteer(mei, Meihua, "mei-chenjing");
        await (await Post(Patrols(formed.TeamId), patrol with { CreditNow = true }, user: member))
            .ShouldBeProblem(403, "forbidden");
        (await Post(Patrols(formed.TeamId), patrol, user: member)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_member_from_another_street_is_refused_and_nothing_is_written()
    {
        var mei = await ForeignCommunityWithVolunteer();
        var zhu = await OtherStreetCommunityWithVolunteer();
        var formed = await FormStreetTeam(LanhuaMember, mei);
        var before = await EventCount();

        var refused = await (await Post("/api/river-teams", StreetTeam(LanhuaMember, zhu)))
            .ShouldBeProblem(422, "member_not_in_street", "members[1]");
        refused["detail"]!.GetValue<string>().ShouldContain("兰江街道");
        await (await Post($"/api/river-teams/{formed.TeamId}/members", new JoinRiverTeamRequest(zhu)))
            .ShouldBeProblem(422, "member_not_in_street", "volunteerId");

        (await EventCount()).ShouldBe(before);
        (await Get<RiverTeamView>($"/api/river-teams/{formed.TeamId}")).Members.Select(m => m.VolunteerId)
            .ShouldBe([LanhuaMember, mei]);
    }

    /// <summary>The hash chains the events of one stream are linked into.</summary>
    private async Task<string[]> ChainsOf(Guid streamId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select distinct chain from \"{App.Schema}\".{AuditChain.Table} where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", streamId);
        var chains = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) chains.Add(reader.GetString(0).Trim());
        return [.. chains];
    }
}
