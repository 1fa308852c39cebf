using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Infrastructure;

/// <summary>Routes name a community by its id or by its code (<c>lanhua</c>); both resolve to the stream id.</summary>
public static class CommunityRef
{
    public static Guid Resolve(string communityId) =>
        Guid.TryParse(communityId, out var id) ? id : DeterministicId.ForCommunity(communityId);
}
