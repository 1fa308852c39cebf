using System.Collections.Immutable;
using NodaTime;

namespace QunTuan.Ledger.Volunteers;

/// <summary>
/// Decision state of a volunteer's account: only what rules need. <see cref="CappedWeeks"/> holds the points
/// already earned per capped activity and week, keyed <c>CODE@yyyy-MM-dd</c> (the week's Monday).
/// </summary>
public sealed record VolunteerAccount(
    Guid Id,
    Guid CommunityId,
    int Available,
    ImmutableDictionary<string, int> CappedWeeks,
    bool Erased = false)
{
    public static VolunteerAccount Create(VolunteerRegistered e) =>
        new(e.VolunteerId, e.CommunityId, 0, ImmutableDictionary<string, int>.Empty);

    public VolunteerAccount Apply(VolunteerErased _) => this with { Erased = true };

    public VolunteerAccount Apply(PointsCredited e) =>
        this with { Available = e.BalanceAfter, CappedWeeks = Track(e.ActivityCode, e.CapWeek, e.Points) };

    public VolunteerAccount Apply(ServiceCreditReversed e) =>
        this with { Available = e.BalanceAfter, CappedWeeks = Track(e.ActivityCode, e.CapWeek, -e.Points) };

    public VolunteerAccount Apply(PointsAdjusted e) => this with { Available = e.BalanceAfter };

    public int CreditedInWeek(string activityCode, LocalDate weekStart) =>
        CappedWeeks.GetValueOrDefault(WeekKey(activityCode, weekStart));

    public static string WeekKey(string activityCode, LocalDate weekStart) =>
        $"{activityCode}@{weekStart:uuuu-MM-dd}";

    private ImmutableDictionary<string, int> Track(string activityCode, LocalDate? week, int delta) =>
        week is null ? CappedWeeks : CappedWeeks.SetItem(WeekKey(activityCode, week.Value),
            CreditedInWeek(activityCode, week.Value) + delta);
}
