using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Communities;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Communities;

public sealed record CommunityDetails(CommunityView Community, int RegisteredVolunteers, int PendingServiceRecords);

public static class GetCommunityEndpoint
{
    [WolverineGet("/api/communities/{communityId}")]
    public static async Task<CommunityDetails> Get(string communityId, IQuerySession session, CancellationToken ct)
    {
        var community = await Load(session, communityId, ct);
        var volunteers = await session.Query<VolunteerProfile>().CountAsync(x => x.CommunityId == community.Id, ct);
        var pending = await session.Query<ServiceRecordView>()
            .CountAsync(x => x.CommunityId == community.Id && x.Status == ServiceRecordStatus.Pending, ct);
        return new CommunityDetails(community, volunteers, pending);
    }

    /// <summary>Loads a community by id or code, or answers 404.</summary>
    public static async Task<CommunityView> Load(IQuerySession session, string communityId, CancellationToken ct) =>
        await session.LoadAsync<CommunityView>(CommunityRef.Resolve(communityId), ct)
        ?? throw LedgerRuleViolation.NotFound("community", communityId);
}
