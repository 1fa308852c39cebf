using Marten;
using NodaTime;
using QunTuan.Ledger.Beneficiaries;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;
using Wolverine;

namespace QunTuan.Ledger.Redemptions;

/// <summary>Office staff grant chest points to a beneficiary: a redemption paid by the community chest. It then
/// runs like any other (approve, reject, expire, fulfil), the chest held and captured instead of a volunteer.</summary>
public sealed record GrantFromChest(
    Guid RedemptionId,
    Guid CommunityId,
    Guid ItemId,
    Guid? SlotId,
    Guid BeneficiaryId,
    string Actor);

public static class GrantFromChestDecider
{
    public static RedemptionOpened Decide(GrantFromChest command, CatalogItem item, Beneficiary? beneficiary,
        CommunityChest chest, PointsPolicy policy, Instant now)
    {
        if (item.CommunityId != command.CommunityId)
            throw LedgerRuleViolation.NotFound("catalog_item", item.Id, "itemId");
        var forWhom = RedemptionRules.EnsureBeneficiary(command.BeneficiaryId, beneficiary, command.CommunityId)!;
        var slot = RedemptionRules.EnsureReservable(item, command.SlotId, now);
        if (chest.Available < item.Price)
            throw LedgerRuleViolation.Conflict("insufficient_balance",
                $"爱心池可用积分 {chest.Available}，不足以兑换 {item.Price} 分的物品 / the chest's available balance {chest.Available} cannot cover the price of {item.Price}");

        var month = ShanghaiCalendar.MonthStart(ShanghaiCalendar.Today(now));
        var requested = new RedemptionRequested(command.RedemptionId, command.CommunityId, item.Id, item.Code,
            item.Class, slot?.SlotId, item.Price, PayerKind.Chest, chest.Id, null, forWhom.Kind, forWhom.Id, month,
            now.Plus(policy.DecisionWindow), now, command.Actor);
        return new RedemptionOpened(requested,
            new CatalogUnitReserved(item.Id, command.RedemptionId, slot?.SlotId, now),
            new ChestPointsHeld(chest.Id, command.RedemptionId, item.Id, item.Code, forWhom.Id, item.Price,
                chest.Available - item.Price, chest.Held + item.Price, now, command.Actor));
    }

    public static void EnsureSameGrant(GrantFromChest command, Redemption existing)
    {
        if (existing.PayerKind != PayerKind.Chest || existing.CommunityId != command.CommunityId ||
            existing.ItemId != command.ItemId || existing.SlotId != command.SlotId ||
            existing.BeneficiaryId != command.BeneficiaryId)
            throw RequestRedemptionDecider.RedemptionExists(existing.Id);
    }
}

public static class GrantFromChestHandler
{
    public static async Task<RequestOutcome> Handle(GrantFromChest command, IDocumentSession session, IClock clock,
        IMessageBus bus, CancellationToken ct)
    {
        var community = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId);
        // Lock order: the item, then the chest (the chest is always locked last). A grant sent twice at once
        // queues on the item, and the second finds the first's redemption.
        var itemStream = await session.Events.FetchForExclusiveWriting<CatalogItem>(command.ItemId, ct);
        if (await session.Events.FetchStreamStateAsync(command.RedemptionId, ct) is not null)
        {
            var existing = await session.Events.FetchLatest<Redemption>(command.RedemptionId, ct)
                ?? throw RequestRedemptionDecider.RedemptionExists(command.RedemptionId);
            GrantFromChestDecider.EnsureSameGrant(command, existing);
            return new RequestOutcome(existing, null);
        }
        var item = itemStream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", command.ItemId, "itemId");
        var beneficiary = await Beneficiary.Find(session, command.BeneficiaryId, ct);
        var now = clock.GetCurrentInstant();
        var (chestStream, chest) = await ChestBook.Lock(session, command.CommunityId, now, command.Actor, ct);

        var opened = GrantFromChestDecider.Decide(command, item, beneficiary, chest, community.Points, now);
        session.Events.StartStream<Redemption>(command.RedemptionId, opened.Requested);
        itemStream.AppendOne(opened.Reserved);
        chestStream.AppendOne(opened.Held);
        await RedemptionDeadlines.ScheduleExpiry(bus, command.RedemptionId, opened.Requested.ExpiresAt, now);
        return new RequestOutcome(Redemption.Create(opened.Requested), opened);
    }
}
