using System.Collections.Immutable;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Volunteers;

/// <summary>
/// Decision state of a volunteer's account: only what rules need. <see cref="CappedWeeks"/> holds the points
/// already earned per capped activity and week, keyed <c>CODE@yyyy-MM-dd</c> (the week's Monday).
/// <see cref="Held"/> is set aside for open redemption requests. <see cref="MonthlyRedemptions"/> counts the units
/// of each catalog item held or taken per month (keyed <c>itemId@yyyy-MM</c>) for per-volunteer limits.
/// <see cref="Lots"/> are the points earned per calendar year and <see cref="LotOutflow"/> everything that left the
/// available balance since: outflow is charged to the oldest lots first, so what is left of old lots (and may
/// expire) is <c>Σ old lots − outflow</c>. <c>Available = Σ Lots − LotOutflow</c> at every step.
/// <see cref="Adjustments"/> are the ids of the adjustments made, so a client's id is used once.
/// </summary>
public sealed record VolunteerAccount(
    Guid Id,
    Guid CommunityId,
    int Available,
    ImmutableDictionary<string, int> CappedWeeks,
    bool Erased = false,
    int Held = 0,
    ImmutableDictionary<string, int>? MonthlyRedemptions = null,
    ImmutableDictionary<int, int>? Lots = null,
    int LotOutflow = 0,
    ImmutableHashSet<Guid>? Adjustments = null)
{
    public static VolunteerAccount Create(VolunteerRegistered e) =>
        new(e.VolunteerId, e.CommunityId, 0, ImmutableDictionary<string, int>.Empty);

    public VolunteerAccount Apply(VolunteerErased _) => this with { Erased = true };

    public VolunteerAccount Apply(PointsCredited e) =>
        this with
        {
            Available = e.BalanceAfter,
            CappedWeeks = Track(e.ActivityCode, e.CapWeek, e.Points),
            Lots = Earn(ShanghaiCalendar.Year(e.CreditedAt), e.Points)
        };

    public VolunteerAccount Apply(ServiceCreditReversed e) =>
        this with
        {
            Available = e.BalanceAfter,
            CappedWeeks = Track(e.ActivityCode, e.CapWeek, -e.Points),
            LotOutflow = LotOutflow + e.Points
        };

    public VolunteerAccount Apply(PointsAdjusted e)
    {
        var adjustments = (Adjustments ?? ImmutableHashSet<Guid>.Empty).Add(e.AdjustmentId);
        return e.Points > 0
            ? this with
            {
                Available = e.BalanceAfter, Lots = Earn(ShanghaiCalendar.Year(e.AdjustedAt), e.Points),
                Adjustments = adjustments
            }
            : this with { Available = e.BalanceAfter, LotOutflow = LotOutflow - e.Points, Adjustments = adjustments };
    }

    public VolunteerAccount Apply(PointsHeld e) =>
        this with
        {
            Available = e.BalanceAfter,
            Held = e.HeldAfter,
            LotOutflow = LotOutflow + e.Points,
            MonthlyRedemptions = Count(e.ItemId, e.LimitMonth, 1)
        };

    public VolunteerAccount Apply(PointsReleased e) =>
        this with
        {
            Available = e.BalanceAfter,
            Held = e.HeldAfter,
            LotOutflow = LotOutflow - e.Points,
            MonthlyRedemptions = Count(e.ItemId, e.LimitMonth, -1)
        };

    public VolunteerAccount Apply(PointsCaptured e) => this with { Available = e.BalanceAfter, Held = e.HeldAfter };

    public VolunteerAccount Apply(PointsRefunded e) =>
        this with
        {
            Available = e.BalanceAfter,
            LotOutflow = LotOutflow - e.Points,
            MonthlyRedemptions = Count(e.ItemId, e.LimitMonth, -1)
        };

    public VolunteerAccount Apply(PointsDonated e) =>
        this with { Available = e.BalanceAfter, LotOutflow = LotOutflow + e.Points };

    public VolunteerAccount Apply(PointsExpired e) =>
        this with { Available = e.BalanceAfter, LotOutflow = LotOutflow + e.Points };

    public int CreditedInWeek(string activityCode, LocalDate weekStart) =>
        CappedWeeks.GetValueOrDefault(WeekKey(activityCode, weekStart));

    public static string WeekKey(string activityCode, LocalDate weekStart) =>
        $"{activityCode}@{weekStart:uuuu-MM-dd}";

    /// <summary>Units of <paramref name="itemId"/> held or taken in the month starting <paramref name="month"/>.</summary>
    public int RedeemedInMonth(Guid itemId, LocalDate month) =>
        MonthlyRedemptions?.GetValueOrDefault(MonthKey(itemId, month)) ?? 0;

    public static string MonthKey(Guid itemId, LocalDate month) => $"{itemId:N}@{month:uuuu-MM}";

    /// <summary>
    /// The points earned in <paramref name="throughYear"/> or before that are still unspent: outflow is charged to
    /// the oldest lots first, so this is what those lots hold after every spend, hold, donation and earlier expiry.
    /// </summary>
    public int ExpirableThrough(int throughYear)
    {
        var old = (Lots ?? ImmutableDictionary<int, int>.Empty).Where(l => l.Key <= throughYear).Sum(l => l.Value);
        return Math.Clamp(old - LotOutflow, 0, Math.Max(0, Available));
    }

    private ImmutableDictionary<string, int> Track(string activityCode, LocalDate? week, int delta) =>
        week is null ? CappedWeeks : CappedWeeks.SetItem(WeekKey(activityCode, week.Value),
            CreditedInWeek(activityCode, week.Value) + delta);

    private ImmutableDictionary<int, int> Earn(int year, int points)
    {
        var lots = Lots ?? ImmutableDictionary<int, int>.Empty;
        return lots.SetItem(year, lots.GetValueOrDefault(year) + points);
    }

    private ImmutableDictionary<string, int> Count(Guid itemId, LocalDate month, int delta)
    {
        var counts = MonthlyRedemptions ?? ImmutableDictionary<string, int>.Empty;
        var key = MonthKey(itemId, month);
        var next = counts.GetValueOrDefault(key) + delta;
        return next == 0 ? counts.Remove(key) : counts.SetItem(key, next);
    }
}
