using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Communities;
using QunTuan.Projections.Redemptions;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Access;

/// <summary>
/// The resource a request touches, and the 404 the endpoint itself would give for it. An out-of-scope resource
/// is answered with exactly that 404, so ids cannot be probed across communities.
/// </summary>
public sealed record Located(Resource Resource, LedgerRuleViolation NotFound);

public delegate ValueTask<Located> Locator(AccessContext context);

/// <summary>How each kind of resource is found from a request, and which community it belongs to.</summary>
public static class Locators
{
    public static readonly Locator Nothing = _ =>
        ValueTask.FromResult(new Located(Resource.Global, LedgerRuleViolation.NotFound("resource", "")));

    public static Locator CommunityInRoute(string name = "communityId") => async c =>
        await Community(c, c.Route(name) ?? "", null);

    public static Locator CommunityInBody(string field = "communityId") => async c =>
        await Community(c, await c.BodyText(field) ?? "", field);

    public static Locator VolunteerInRoute(string name = "volunteerId") => async c =>
        await Volunteer(c, c.Route(name) ?? "", null);

    public static Locator VolunteerInBody(string field = "volunteerId") => async c =>
        await Volunteer(c, (await c.BodyId(field))?.ToString() ?? "", field);

    public static Locator ServiceRecordInRoute(string name = "recordId") =>
        DocumentInRoute<ServiceRecordView>(name, "service_record", r => Resource.InCommunity(r.CommunityId, r.VolunteerId));

    /// <summary>Finds a document by the id in a route value and reads its community (and owner) off it.</summary>
    public static Locator DocumentInRoute<T>(string name, string what, Func<T, Resource> scope) where T : class =>
        DocumentInRoute<T>(name, what, (_, doc) => Task.FromResult(scope(doc)));

    /// <summary>The document named in the route, scoped by what <paramref name="scope"/> reads next to it.</summary>
    public static Locator DocumentInRoute<T>(string name, string what, Func<AccessContext, T, Task<Resource>> scope)
        where T : class =>
        async c =>
        {
            var raw = c.Route(name) ?? "";
            var notFound = LedgerRuleViolation.NotFound(what, raw);
            if (!Guid.TryParse(raw, out var id)) return new Located(Resource.Missing, notFound);
            var doc = await c.Session.LoadAsync<T>(id, c.Cancellation);
            return new Located(doc is null ? Resource.Missing : await scope(c, doc), notFound);
        };

    public static Locator PatrolTeamInRoute(string name = "teamId") =>
        DocumentInRoute<PatrolTeamView>(name, "patrol_team", Team);

    /// <summary>A shift, organized by its team's organizers. The volunteer a check-in or check-out names in the
    /// body is its owner, so volunteers may act for themselves only.</summary>
    public static Locator PatrolShiftInRoute(string name = "shiftId", string? ownerInBody = null) =>
        DocumentInRoute<PatrolShiftView>(name, "patrol_shift", async (c, shift) =>
        {
            var team = shift.TeamId is { } t ? await c.Session.LoadAsync<PatrolTeamView>(t, c.Cancellation) : null;
            var owner = ownerInBody is null ? null : await c.BodyId(ownerInBody);
            return Resource.InCommunity(shift.CommunityId, owner, team is null ? [] : Organizers(team));
        });

    /// <summary>Scheduling names a team (whose organizers may schedule) or just a community (office only).</summary>
    public static Locator PatrolTeamOrCommunityInBody(string teamField = "teamId", string communityField = "community") =>
        async c =>
        {
            if (await c.BodyId(teamField) is not { } teamId) return await Community(c, await c.BodyText(communityField) ?? "", communityField);
            var team = await c.Session.LoadAsync<PatrolTeamView>(teamId, c.Cancellation);
            return new Located(team is null ? Resource.Missing : Team(team),
                LedgerRuleViolation.NotFound("patrol_team", teamId, teamField));
        };

    /// <summary>A river-guard team; its members count as its organizers (any member may record a patrol).</summary>
    public static Locator RiverTeamInRoute(string name = "teamId") =>
        DocumentInRoute<RiverTeamView>(name, "river_team", RiverTeam);

    /// <summary>A patrol, in its team's community; the team's members may read it wherever they live.</summary>
    public static Locator RiverPatrolInRoute(string name = "patrolId") =>
        DocumentInRoute<RiverPatrolView>(name, "river_patrol", (c, p) => OfRiverTeam(c, p.TeamId, p.CommunityId));

    public static Locator RiverFindingInRoute(string name = "findingId") =>
        DocumentInRoute<RiverFindingView>(name, "river_finding", (c, f) => OfRiverTeam(c, f.TeamId, f.CommunityId));

    /// <summary>An elder; their current 1+3 helpers count as its organizers.</summary>
    public static Locator ElderInRoute(string name = "elderId") =>
        DocumentInRoute<ElderView>(name, "elder",
            e => Resource.InCommunity(e.CommunityId, organizers: e.Helpers.Select(h => h.VolunteerId).ToArray()));

    /// <summary>A visit is logged by the helper it names in the body, for one elder.</summary>
    public static Locator ElderVisitInRoute(string name = "elderId") => async c =>
    {
        var located = await ElderInRoute(name)(c);
        return located.Resource.Exists
            ? located with { Resource = located.Resource with { OwnerVolunteerId = await c.BodyId("volunteerId") } }
            : located;
    };

    public static Locator ElderAlertInRoute(string name = "alertId") =>
        DocumentInRoute<ElderAlertView>(name, "elder_alert", a => Resource.InCommunity(a.CommunityId));

    /// <summary>Any event stream, in the community its first event names; catalog streams are global.</summary>
    public static Locator StreamInRoute(string name = "streamId") => async c =>
    {
        var raw = c.Route(name) ?? "";
        var notFound = LedgerRuleViolation.NotFound("stream", raw);
        if (!Guid.TryParse(raw, out var id)) return new Located(Resource.Missing, notFound);
        var first = await c.Session.Events.FetchStreamAsync(id, version: 1, token: c.Cancellation);
        if (first.Count == 0) return new Located(Resource.Missing, notFound);
        return new Located(Guid.TryParse(AuditChain.ChainOf(first[0]), out var community)
            ? Resource.InCommunity(community)
            : Resource.Global, notFound);
    };

    public static Locator CertificateInRoute(string name = "certificateId") =>
        DocumentInRoute<Certificate>(name, "certificate", c => Resource.InCommunity(c.CommunityId, c.VolunteerId));

    public static Locator CatalogItemInRoute(string name = "itemId") =>
        DocumentInRoute<CatalogItemView>(name, "catalog_item", i => Resource.InCommunity(i.CommunityId));

    /// <summary>A redemption belongs to the volunteer who asked for it (a chest grant to nobody but the office).</summary>
    public static Locator RedemptionInRoute(string name = "redemptionId") =>
        DocumentInRoute<RedemptionView>(name, "redemption", r => Resource.InCommunity(r.CommunityId, r.VolunteerId));

    private static async Task<Resource> OfRiverTeam(AccessContext c, Guid teamId, Guid communityId) =>
        await c.Session.LoadAsync<RiverTeamView>(teamId, c.Cancellation) is { } team
            ? await RiverTeam(c, team)
            : Resource.InCommunity(communityId);

    /// <summary>A team in its host community. A street team's members may come from any community of its street,
    /// so those communities are where its organizers may act from; the office remains the host's.</summary>
    private static async Task<Resource> RiverTeam(AccessContext c, RiverTeamView team)
    {
        var members = team.Members.Select(m => m.VolunteerId).ToArray();
        if (team is not { Scope: RiverTeamScope.Street, City: { } city, Street: { } street })
            return Resource.InCommunity(team.CommunityId, organizers: members);
        var streetCommunities = await c.Session.Query<CommunityView>()
            .Where(x => x.City == city && x.Street == street).Select(x => x.Id).ToListAsync(c.Cancellation);
        return Resource.InCommunity(team.CommunityId, organizers: members) with
        {
            OrganizerCommunities = streetCommunities
        };
    }

    private static Resource Team(PatrolTeamView team) => Resource.InCommunity(team.CommunityId, organizers: Organizers(team));

    private static Guid[] Organizers(PatrolTeamView team) =>
        team.Roster.Where(m => m.Role == PatrolTeamRole.Organizer).Select(m => m.VolunteerId).ToArray();

    public static Locator CommunityInQuery(string name = "community") => async c =>
        await Community(c, c.Http.Request.Query[name].ToString(), name);

    /// <summary>A rating names what it rates in its body; the rated thing's community decides who may rate.</summary>
    public static Locator RatedSubjectInBody() => async c =>
    {
        var id = await c.BodyId("subjectId");
        var kindText = await c.BodyText("subjectKind");
        var kind = Enum.TryParse<QunTuan.Ledger.Ratings.RatedSubject>(kindText?.Replace("_", ""), true, out var k)
            ? k
            : QunTuan.Ledger.Ratings.RatedSubject.ServiceRecord;
        var notFound = QunTuan.Api.Ratings.RatedSubjects.NotFound(kind, id?.ToString() ?? "");
        if (id is null || kindText is null) return new Located(Resource.Missing, notFound);
        var facts = await QunTuan.Api.Ratings.RatedSubjects.Find(c.Session, kind, id.Value, c.Cancellation);
        return new Located(facts is null ? Resource.Missing : Resource.InCommunity(facts.CommunityId), notFound);
    };

    private static async Task<Located> Community(AccessContext c, string raw, string? field)
    {
        var notFound = LedgerRuleViolation.NotFound("community", raw, field);
        if (raw.Length == 0) return new Located(Resource.Missing, notFound);
        var id = CommunityRef.Resolve(raw);
        var community = await c.Session.LoadAsync<CommunityView>(id, c.Cancellation);
        return new Located(community is null ? Resource.Missing : Resource.InCommunity(id), notFound);
    }

    private static async Task<Located> Volunteer(AccessContext c, string raw, string? field)
    {
        var notFound = LedgerRuleViolation.NotFound("volunteer", raw, field);
        if (!Guid.TryParse(raw, out var id)) return new Located(Resource.Missing, notFound);
        var volunteer = await c.Session.LoadAsync<VolunteerProfile>(id, c.Cancellation);
        return new Located(volunteer is null ? Resource.Missing : Resource.InCommunity(volunteer.CommunityId, id),
            notFound);
    }
}
