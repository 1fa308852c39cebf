using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Communities;
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

    public static Locator ServiceRecordInRoute(string name = "recordId") => async c =>
    {
        var raw = c.Route(name) ?? "";
        var notFound = LedgerRuleViolation.NotFound("service_record", raw);
        if (!Guid.TryParse(raw, out var id)) return new Located(Resource.Missing, notFound);
        var record = await c.Session.LoadAsync<ServiceRecordView>(id, c.Cancellation);
        return new Located(
            record is null ? Resource.Missing : Resource.InCommunity(record.CommunityId, record.VolunteerId), notFound);
    };

    /// <summary>Finds a document by the id in a route value and reads its community (and owner) off it.</summary>
    public static Locator DocumentInRoute<T>(string name, string what, Func<T, Resource> scope) where T : class =>
        async c =>
        {
            var raw = c.Route(name) ?? "";
            var notFound = LedgerRuleViolation.NotFound(what, raw);
            if (!Guid.TryParse(raw, out var id)) return new Located(Resource.Missing, notFound);
            var doc = await c.Session.LoadAsync<T>(id, c.Cancellation);
            return new Located(doc is null ? Resource.Missing : scope(doc), notFound);
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
