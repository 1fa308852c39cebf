using NodaTime;
using QunTuan.Ledger.Beneficiaries;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Redemptions;

/// <summary>Catalog, account, chest and redemption state built by folding events, like the event store does.</summary>
public static class Redeem
{
    public static readonly Guid Elsewhere = new("0a000000-0000-4000-8000-000000000009");
    public static readonly Guid Elder = new("0e000000-0000-4000-8000-000000000001");
    public static readonly PointsPolicy Policy = PointsPolicy.Default;
    public const string Code = "12345678";

    /// <summary><see cref="Build.Now"/> is Monday 2026-07-06 10:00 in Shanghai.</summary>
    public static readonly Instant Now = Build.Now;

    public static CatalogItem Goods(int price = 20, int stock = 10, int? monthlyLimit = null, Guid? community = null,
        LocalDate? activeFrom = null, LocalDate? activeUntil = null) =>
        CatalogItem.Create(new CatalogItemListed(CatalogIds.Item(community ?? Build.Lanhua, "G01"),
            community ?? Build.Lanhua, "G01", "小礼物", "Small gift", ItemClass.Goods, price, stock, [], monthlyLimit,
            activeFrom, activeUntil, "兰花社区爱心超市", Now, "office"));

    /// <summary>A haircut service with one slot on Tuesday 2026-07-07 09:00-11:00.</summary>
    public static CatalogItem Haircut(int capacity = 2)
    {
        var id = CatalogIds.Item(Build.Lanhua, "S01");
        return CatalogItem.Create(new CatalogItemListed(id, Build.Lanhua, "S01", "公益理发", "Free haircut",
            ItemClass.Service, 20, 0, [TuesdaySlot(id, capacity)], 1, null, null, null, Now, "office"));
    }

    public static CatalogSlot TuesdaySlot(Guid itemId, int capacity = 2) =>
        new(CatalogIds.Slot(itemId, new LocalDate(2026, 7, 7), new LocalTime(9, 0)), new LocalDate(2026, 7, 7),
            new LocalTime(9, 0), new LocalTime(11, 0), capacity);

    public static VolunteerAccount Account(int available, Guid? id = null, Guid? community = null) =>
        Build.AccountHolding(available, id, community);

    public static CommunityChest Chest(int available = 0)
    {
        var chest = CommunityChest.Create(ChestBook.Open(Build.Lanhua, Now, "system"));
        return available == 0
            ? chest
            : chest.Apply(new ChestDonationReceived(chest.Id, Guid.NewGuid(), Build.Zhang, available, available, Now,
                "v"));
    }

    public static RequestRedemption Request(CatalogItem item, Guid? slotId = null, Guid? beneficiary = null,
        Guid? volunteer = null) =>
        new(Guid.NewGuid(), volunteer ?? Build.Zhang, item.Id, slotId, beneficiary, "zhang");

    /// <summary>Requests <paramref name="item"/> and folds the three events into the three states.</summary>
    public static (Redemption Redemption, CatalogItem Item, VolunteerAccount Account) Requested(CatalogItem item,
        VolunteerAccount account, Guid? slotId = null, Instant? at = null)
    {
        var opened = RequestRedemptionDecider.Decide(Request(item, slotId, volunteer: account.Id), item, null, account,
            Policy, at ?? Now);
        return (Redemption.Create(opened.Requested), item.Apply(opened.Reserved),
            account.Apply((PointsHeld)opened.Held));
    }

    public static Beneficiary ElderOf(Guid community) => new(Elder, BeneficiaryKind.Elder, community);

    /// <summary>Folds a settlement into the redemption, the item and a volunteer account.</summary>
    public static (Redemption, CatalogItem, VolunteerAccount) Fold(Settlement s, Redemption r, CatalogItem item,
        VolunteerAccount account) =>
        (Apply(r, s.Redemption), ApplyItem(item, s.Item), ApplyAccount(account, s.Payer));

    public static Redemption Apply(Redemption r, object e) => e switch
    {
        RedemptionApproved x => r.Apply(x),
        RedemptionRejected x => r.Apply(x),
        RedemptionCancelled x => r.Apply(x),
        RedemptionExpired x => r.Apply(x),
        RedemptionFulfilled x => r.Apply(x),
        RedemptionRefunded x => r.Apply(x),
        _ => throw new ArgumentException(e.GetType().Name)
    };

    public static CatalogItem ApplyItem(CatalogItem item, object e) => e switch
    {
        CatalogUnitReserved x => item.Apply(x),
        CatalogUnitReleased x => item.Apply(x),
        CatalogUnitConsumed x => item.Apply(x),
        CatalogUnitReturned x => item.Apply(x),
        _ => throw new ArgumentException(e.GetType().Name)
    };

    public static VolunteerAccount ApplyAccount(VolunteerAccount account, object e) => e switch
    {
        PointsHeld x => account.Apply(x),
        PointsReleased x => account.Apply(x),
        PointsCaptured x => account.Apply(x),
        PointsRefunded x => account.Apply(x),
        _ => throw new ArgumentException(e.GetType().Name)
    };
}
