using NodaTime;

namespace QunTuan.Ledger.Patrols;

public enum SelfCheckInWindow
{
    NotYetOpen,
    Open,
    Expired
}

/// <summary>The clock rules of a patrol shift: when volunteers may check themselves in, and what time counts.</summary>
public static class PatrolTime
{
    /// <summary>Volunteers gather before a patrol sets off, so the code works from half an hour before the start.</summary>
    public static readonly Duration SelfCheckInLead = Duration.FromMinutes(30);

    public static readonly Duration MaxShiftLength = Duration.FromHours(12);

    public static Instant SelfCheckInOpensAt(Instant plannedStart) => plannedStart - SelfCheckInLead;

    /// <summary>The code works from 30 minutes before the planned start up to (not including) the planned end.</summary>
    public static SelfCheckInWindow SelfCheckIn(Instant plannedStart, Instant plannedEnd, Instant now) =>
        now < SelfCheckInOpensAt(plannedStart) ? SelfCheckInWindow.NotYetOpen
        : now < plannedEnd ? SelfCheckInWindow.Open
        : SelfCheckInWindow.Expired;

    /// <summary>
    /// Whole minutes a participant served inside the planned window: from the later of check-in and planned
    /// start, to the earlier of planned end and the check-out (or, without one, the closing). Early arrival,
    /// overtime and time after an early close never count; a span that does not overlap the window is zero.
    /// </summary>
    public static int CountedMinutes(Instant plannedStart, Instant plannedEnd, Instant checkedIn,
        Instant? checkedOut, Instant closedAt)
    {
        var from = Max(checkedIn, plannedStart);
        var until = Min(checkedOut ?? closedAt, plannedEnd);
        return until <= from ? 0 : (int)(until - from).TotalMinutes;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
