using Marten;
using QunTuan.Projections.Communities;
using Wolverine.Http;

namespace QunTuan.Api.Communities;

public static class GetCommunitiesEndpoint
{
    [WolverineGet("/api/communities")]
    public static async Task<IReadOnlyList<CommunityView>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<CommunityView>().OrderBy(x => x.Code).ToListAsync(ct);
}
