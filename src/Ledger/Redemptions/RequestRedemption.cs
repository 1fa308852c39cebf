using Marten;
using NodaTime;
using QunTuan.Ledger.Beneficiaries;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using Wolverine;

namespace QunTuan.Ledger.Redemptions;

/// <summary>A volunteer asks for a catalog item, paid from their own account, for themself or for a beneficiary
/// of their community (代兑). <see cref="RedemptionId"/> is the client's: a retried request has one effect.</summary>
public sealed record RequestRedemption(
    Guid RedemptionId,
    Guid VolunteerId,
    Guid ItemId,
    Guid? SlotId,
    Guid? BeneficiaryId,
    string Actor);

/// <summary>The three events of a request: the workflow starts, the unit is reserved, the points are held.</summary>
public sealed record RedemptionOpened(RedemptionRequested Requested, CatalogUnitReserved Reserved, object Held);

/// <summary>What a request did: opened a redemption, or found the same request already made (a repeat).</summary>
public sealed record RequestOutcome(Redemption Redemption, RedemptionOpened? Opened);

public static class RequestRedemptionDecider
{
    public static RedemptionOpened Decide(RequestRedemption command, CatalogItem item, Beneficiary? beneficiary,
        VolunteerAccount account, PointsPolicy policy, Instant now)
    {
        if (account.Erased)
            throw LedgerRuleViolation.Conflict("volunteer_erased",
                "该志愿者已注销个人信息，不能再兑换 / this volunteer's data was erased; nothing can be redeemed",
                "volunteerId");
        // Another community's item answers like an item that does not exist.
        if (item.CommunityId != account.CommunityId)
            throw LedgerRuleViolation.NotFound("catalog_item", item.Id, "itemId");
        var forWhom = RedemptionRules.EnsureBeneficiary(command.BeneficiaryId, beneficiary, item.CommunityId);
        var slot = RedemptionRules.EnsureReservable(item, command.SlotId, now);

        var month = ShanghaiCalendar.MonthStart(ShanghaiCalendar.Today(now));
        if (item.MonthlyLimit is { } limit && account.RedeemedInMonth(item.Id, month) >= limit)
            throw LedgerRuleViolation.Conflict("monthly_limit_reached",
                $"该物品每人每月限兑 {limit} 件，本月已达上限 / at most {limit} of this item per volunteer a month; the limit is reached",
                "itemId");
        if (account.Available < item.Price)
            throw LedgerRuleViolation.Conflict("insufficient_balance",
                $"可用积分 {account.Available}，不足以兑换 {item.Price} 分的物品 / available balance {account.Available} cannot cover the price of {item.Price}");

        var requested = new RedemptionRequested(command.RedemptionId, item.CommunityId, item.Id, item.Code, item.Class,
            slot?.SlotId, item.Price, PayerKind.Volunteer, account.Id, account.Id, forWhom?.Kind, forWhom?.Id, month,
            now.Plus(policy.DecisionWindow), now, command.Actor);
        return new RedemptionOpened(requested,
            new CatalogUnitReserved(item.Id, command.RedemptionId, slot?.SlotId, now),
            new PointsHeld(account.Id, command.RedemptionId, item.Id, item.Code, item.Price, month,
                account.Available - item.Price, account.Held + item.Price, now, command.Actor));
    }

    /// <summary>The same id again is a repeat when it asks for the same thing, and a conflict when it does not.</summary>
    public static void EnsureSameRequest(RequestRedemption command, Redemption existing)
    {
        if (existing.PayerKind != PayerKind.Volunteer || existing.VolunteerId != command.VolunteerId ||
            existing.ItemId != command.ItemId || existing.SlotId != command.SlotId ||
            existing.BeneficiaryId != command.BeneficiaryId)
            throw RedemptionExists(existing.Id);
    }

    public static LedgerRuleViolation RedemptionExists(Guid id) => LedgerRuleViolation.Conflict("redemption_exists",
        $"兑换申请 {id} 已存在且内容不同 / redemption {id} already exists with different details", "redemptionId");
}

public static class RequestRedemptionHandler
{
    public static async Task<RequestOutcome> Handle(RequestRedemption command, IDocumentSession session, IClock clock,
        IMessageBus bus, CancellationToken ct)
    {
        // Lock order: the item, then the payer's account. Fifty requests for one item or from one account queue
        // on these row locks and each decides on what the one before it committed; the same request sent twice
        // at once queues too, and the second finds the first's redemption.
        var itemStream = await session.Events.FetchForExclusiveWriting<CatalogItem>(command.ItemId, ct);
        if (await session.Events.FetchStreamStateAsync(command.RedemptionId, ct) is not null)
        {
            var existing = await session.Events.FetchLatest<Redemption>(command.RedemptionId, ct)
                ?? throw RequestRedemptionDecider.RedemptionExists(command.RedemptionId);
            RequestRedemptionDecider.EnsureSameRequest(command, existing);
            return new RequestOutcome(existing, null);
        }
        var item = itemStream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", command.ItemId, "itemId");
        var community = await session.Events.FetchLatest<Community>(item.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", item.CommunityId);
        var beneficiary = command.BeneficiaryId is { } b ? await Beneficiary.Find(session, b, ct) : null;
        var accountStream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(command.VolunteerId, ct);
        var account = accountStream.Aggregate
            ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId, "volunteerId");

        var now = clock.GetCurrentInstant();
        var opened = RequestRedemptionDecider.Decide(command, item, beneficiary, account, community.Points, now);
        session.Events.StartStream<Redemption>(command.RedemptionId, opened.Requested);
        itemStream.AppendOne(opened.Reserved);
        accountStream.AppendOne(opened.Held);
        await RedemptionDeadlines.ScheduleExpiry(bus, command.RedemptionId, opened.Requested.ExpiresAt, now);
        return new RequestOutcome(Redemption.Create(opened.Requested), opened);
    }
}
