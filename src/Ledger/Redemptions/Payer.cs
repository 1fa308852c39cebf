using NodaTime;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Redemptions;

/// <summary>
/// The account that pays for a redemption, seen the same way whether it is a volunteer's or the chest's: the
/// redemption deciders reason about one payer and this turns each step into that account's own event.
/// </summary>
public sealed record Payer(PayerKind Kind, Guid Id, int Available, int Held)
{
    public static Payer Of(VolunteerAccount account) => new(PayerKind.Volunteer, account.Id, account.Available, account.Held);

    public static Payer Of(CommunityChest chest) => new(PayerKind.Chest, chest.Id, chest.Available, chest.Held);

    public object Capture(Redemption r, Instant now, string actor) => Kind == PayerKind.Volunteer
        ? new PointsCaptured(Id, r.Id, r.ItemCode, r.Points, Available, Held - r.Points, now, actor)
        : new ChestPointsCaptured(Id, r.Id, r.ItemCode, r.Points, Available, Held - r.Points, now, actor);

    public object Release(Redemption r, ReleaseReason reason, string? note, Instant now, string actor) =>
        Kind == PayerKind.Volunteer
            ? new PointsReleased(Id, r.Id, r.ItemId, r.ItemCode, r.Points, r.LimitMonth, reason, note,
                Available + r.Points, Held - r.Points, now, actor)
            : new ChestPointsReleased(Id, r.Id, r.ItemCode, r.Points, reason, note, Available + r.Points,
                Held - r.Points, now, actor);

    public object Refund(Redemption r, RefundReason reason, Instant now, string actor) => Kind == PayerKind.Volunteer
        ? new PointsRefunded(Id, r.Id, r.ItemId, r.ItemCode, r.Points, r.LimitMonth, reason, Available + r.Points, now,
            actor)
        : new ChestPointsRefunded(Id, r.Id, r.ItemCode, r.Points, reason, Available + r.Points, now, actor);
}

/// <summary>One step of a redemption that moves points and a unit: an event each for the redemption, the item and
/// the payer's account, appended together.</summary>
public sealed record Settlement(object Redemption, object Item, object Payer);
