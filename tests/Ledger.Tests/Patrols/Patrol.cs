using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Patrols;

/// <summary>Patrol decision state built by folding events, like the event store does.</summary>
public static class Patrol
{
    public static readonly Guid ShiftId = new("0d000000-0000-4000-8000-000000000001");
    public static readonly Guid Zhang = Build.Zhang;
    public static readonly Guid Li = new("0b000000-0000-4000-8000-000000000002");
    public static readonly Guid Wang = new("0b000000-0000-4000-8000-000000000003");
    public static readonly Guid Elsewhere = new("0a000000-0000-4000-8000-000000000009");
    public const string Code = "493017";

    /// <summary>10:30 to 13:30 in Shanghai on Monday 2026-07-06; <see cref="Build.Now"/> is 10:00 that day.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 7, 6, 2, 30);
    public static readonly Instant End = Start + Duration.FromHours(3);

    public static readonly Activity Cb01 = Build.ActivityWith("CB01", (Build.Date(2026, 1, 1), Build.TenAnHour));

    /// <summary>Every volunteer the tests use is registered in Lanhua, except those in <see cref="Elsewhere"/>.</summary>
    public static readonly IReadOnlyDictionary<Guid, Guid> Communities = new Dictionary<Guid, Guid>
    {
        [Zhang] = Build.Lanhua, [Li] = Build.Lanhua, [Wang] = Build.Lanhua,
        [new("0b000000-0000-4000-8000-000000000009")] = Elsewhere
    };

    /// <summary>A Shanghai wall-clock time on the shift's day.</summary>
    public static Instant At(int hour, int minute) => Instant.FromUtc(2026, 7, 6, hour - 8, minute);

    public static PatrolShiftScheduled Scheduled(Instant? start = null, Instant? end = null) =>
        new(ShiftId, Build.Lanhua, null, null, "兰花路沿线", "CB01", start ?? Start, end ?? End,
            ShanghaiCalendar.Today(start ?? Start), Code, Build.Now, "office");

    public static PatrolShift Shift(Instant? start = null, Instant? end = null) =>
        PatrolShift.Create(Scheduled(start, end));

    public static PatrolShift CheckedIn(this PatrolShift shift, Guid volunteer, Instant at) =>
        shift.Apply(new PatrolCheckedIn(shift.Id, volunteer, CheckInMethod.Organizer, at, "organizer"));

    public static PatrolShift CheckedOut(this PatrolShift shift, Guid volunteer, Instant at) =>
        shift.Apply(new PatrolCheckedOut(shift.Id, volunteer, at, "organizer"));

    public static PatrolShift Closed(this PatrolShift shift, Instant at) =>
        shift.Apply(ClosePatrolShiftDecider.Decide(new ClosePatrolShift(shift.Id, true, "office"), shift, Cb01, at));
}
