using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Chest;

/// <summary>Decision state of a community's chest: what it can grant, and what is held for open grants.</summary>
public sealed record CommunityChest(Guid Id, Guid CommunityId, int Available, int Held)
{
    private static readonly Guid ChestNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0301");

    /// <summary>One chest per community, its stream id derived from the community's.</summary>
    public static Guid IdFor(Guid communityId) => DeterministicId.Create(ChestNamespace, communityId.ToString("N"));

    public static CommunityChest Create(ChestOpened e) => new(e.ChestId, e.CommunityId, 0, 0);

    public CommunityChest Apply(ChestDonationReceived e) => this with { Available = e.BalanceAfter };

    public CommunityChest Apply(ChestExpiredPointsReceived e) => this with { Available = e.BalanceAfter };

    public CommunityChest Apply(ChestPointsHeld e) => this with { Available = e.BalanceAfter, Held = e.HeldAfter };

    public CommunityChest Apply(ChestPointsReleased e) => this with { Available = e.BalanceAfter, Held = e.HeldAfter };

    public CommunityChest Apply(ChestPointsCaptured e) => this with { Available = e.BalanceAfter, Held = e.HeldAfter };

    public CommunityChest Apply(ChestPointsRefunded e) => this with { Available = e.BalanceAfter };
}

/// <summary>Finds a community's chest for writing. Chests open with their community; one that predates the chest
/// (a community registered before it existed) is opened on first use.</summary>
public static class ChestBook
{
    public static ChestOpened Open(Guid communityId, Instant now, string actor) =>
        new(CommunityChest.IdFor(communityId), communityId, now, actor);

    /// <summary>Locks the chest for writing (always the last lock a transaction takes).</summary>
    public static async Task<(JasperFx.Events.IEventStream<CommunityChest> Stream, CommunityChest Chest)> Lock(
        IDocumentSession session, Guid communityId, Instant now, string actor, CancellationToken ct)
    {
        var id = CommunityChest.IdFor(communityId);
        var stream = await session.Events.FetchForExclusiveWriting<CommunityChest>(id, ct);
        if (stream.Aggregate is { } chest) return (stream, chest);
        var opened = Open(communityId, now, actor);
        stream.AppendOne(opened);
        return (stream, CommunityChest.Create(opened));
    }
}
