using Marten;
using JasperFx.Events;
using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Redemptions;

/// <summary>
/// The redemption stream and everything a decision on it moves, locked in the one order every writer uses:
/// the redemption, then the item, then the payer's account (the chest, when it pays, is always last). Two clerks
/// deciding at once queue on the redemption row, and the second finds the first one's outcome.
/// </summary>
public sealed class RedemptionParties
{
    private Action<object> _appendToPayer = _ => { };

    private RedemptionParties(IEventStream<Redemption> stream, Redemption redemption)
    {
        Stream = stream;
        Redemption = redemption;
    }

    public IEventStream<Redemption> Stream { get; }
    public Redemption Redemption { get; }
    public IEventStream<CatalogItem>? ItemStream { get; private set; }
    public Payer? Payer { get; private set; }

    /// <summary>Locks the redemption only: enough to find a repeat or a conflict without touching anything else.</summary>
    public static async Task<RedemptionParties> LockRedemption(IDocumentSession session, Guid redemptionId,
        CancellationToken ct) =>
        await TryLockRedemption(session, redemptionId, ct) ?? throw LedgerRuleViolation.NotFound("redemption", redemptionId);

    public static async Task<RedemptionParties?> TryLockRedemption(IDocumentSession session, Guid redemptionId,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Redemption>(redemptionId, ct);
        return stream.Aggregate is { } redemption ? new RedemptionParties(stream, redemption) : null;
    }

    /// <summary>True when the redemption already is in the state the decision asks for: the caller answers with it
    /// as it is, and nothing else was locked.</summary>
    public bool Repeat { get; private set; }

    /// <summary>
    /// For an office or volunteer decision on a request: locks the redemption; a repeat of the same decision is
    /// marked <see cref="Repeat"/>; anything but an undecided, unexpired request is refused; only then are the item
    /// and the payer locked.
    /// </summary>
    public static async Task<RedemptionParties> LockForDecision(IDocumentSession session, Guid redemptionId,
        RedemptionStatus decision, Instant now, string actor, CancellationToken ct)
    {
        var parties = await LockRedemption(session, redemptionId, ct);
        if (RedemptionTransitions.IsRepeat(parties.Redemption, decision, RedemptionStatus.Requested))
        {
            parties.Repeat = true;
            return parties;
        }
        RedemptionTransitions.EnsureUndecided(parties.Redemption, now);
        await parties.LockItemAndPayer(session, now, actor, ct);
        return parties;
    }

    /// <summary>Then locks the item and the payer.</summary>
    public async Task LockItemAndPayer(IDocumentSession session, Instant now, string actor, CancellationToken ct)
    {
        ItemStream = await session.Events.FetchForExclusiveWriting<CatalogItem>(Redemption.ItemId, ct);
        _ = ItemStream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", Redemption.ItemId);
        if (Redemption.PayerKind == PayerKind.Volunteer)
        {
            var account = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(Redemption.PayerId, ct);
            Payer = Payer.Of(account.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", Redemption.PayerId));
            _appendToPayer = account.AppendOne;
        }
        else
        {
            var (chest, state) = await ChestBook.Lock(session, Redemption.CommunityId, now, actor, ct);
            Payer = Payer.Of(state);
            _appendToPayer = chest.AppendOne;
        }
    }

    public void Append(Settlement settlement)
    {
        Stream.AppendOne(settlement.Redemption);
        ItemStream!.AppendOne(settlement.Item);
        _appendToPayer(settlement.Payer);
    }
}
