using Marten;
using NodaTime;
using QunTuan.Ledger.Audit;
using QunTuan.Projections.Communities;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

/// <summary>The head of one chain as published: the community (null for the global catalog chain), its last
/// position, the global sequence of the event there and the link's hash.</summary>
public sealed record PublishedChainHead(
    string Chain,
    Guid? CommunityId,
    string? CommunityCode,
    long Position,
    long Sequence,
    Guid EventId,
    string Hash);

public sealed record ChainHeadsExport(Instant ExportedAt, IReadOnlyList<PublishedChainHead> Heads);

public static class GetChainHeadsEndpoint
{
    /// <summary>
    /// The current head of every chain, to publish outside the database's reach (a notice board, a newspaper, another
    /// office). Anyone holding an old export can later check that the chain still reproduces it.
    /// </summary>
    [WolverineGet("/api/audit/chain/heads")]
    public static async Task<ChainHeadsExport> Get(IDocumentStore store, IQuerySession session, IClock clock,
        CancellationToken ct)
    {
        var heads = await ChainVerifier.HeadsAsync(store, ct);
        var communities = (await session.Query<CommunityView>().ToListAsync(ct)).ToDictionary(c => AuditChain.For(c.Id));
        return new ChainHeadsExport(clock.GetCurrentInstant(), heads.Select(h =>
        {
            var community = communities.GetValueOrDefault(h.Chain);
            return new PublishedChainHead(h.Chain, community?.Id, community?.Code, h.Position, h.Sequence, h.EventId, h.Hash);
        }).ToList());
    }
}
