using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests;

/// <summary>Decision state built the way the event store builds it: by folding events.</summary>
public static class Build
{
    public static readonly Guid Lanhua = new("0a000000-0000-4000-8000-000000000001");
    public static readonly Guid Zhang = new("0b000000-0000-4000-8000-000000000001");
    private static readonly Guid OpeningAdjustment = new("0c000000-0000-4000-8000-000000000001");

    /// <summary>Monday 2026-07-06 10:00 in Shanghai: later than every service date used below.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 7, 6, 2, 0);

    /// <summary>CB01 as seeded: 10 points an hour, at least an hour.</summary>
    public static readonly PointRule TenAnHour = new(PointRuleKind.PerHour, 10, 180, MinimumMinutes: 60);

    /// <summary>CB02 as seeded: 20 points a session, two hours when no duration is given.</summary>
    public static readonly PointRule TwentyASession = new(PointRuleKind.PerOccasion, 20, 120);

    /// <summary>An elder visit: 5 points each, at most 15 a week.</summary>
    public static readonly PointRule FiveAVisitCappedAtFifteen = new(PointRuleKind.PerVisit, 5, 60, WeeklyCap: 15);

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    public static Activity ActivityWith(string code, params (LocalDate From, PointRule Rule)[] versions)
    {
        var id = DeterministicId.ForActivity(code);
        var activity = Activity.Create(new ActivityDefined(id, code, code[..2], "活动", "activity", "次",
            Now, "office"));
        var version = 0;
        foreach (var (from, rule) in versions)
            activity = activity.Apply(new PointRulePublished(id, code, ++version, from, rule, "test", Now, "office"));
        return activity;
    }

    public static VolunteerAccount AccountHolding(int available = 0, Guid? volunteerId = null, Guid? communityId = null)
    {
        var account = VolunteerAccount.Create(new VolunteerRegistered(volunteerId ?? Zhang, communityId ?? Lanhua,
            "第一网格", [], Now, "office"));
        return available == 0
            ? account
            : account.Apply(new PointsAdjusted(account.Id, OpeningAdjustment, available, CorrectionReason.Goodwill,
                "opening balance", available, Now, "office"));
    }

    public static ServiceRecord PendingRecord(string activityCode, LocalDate serviceDate, int? durationMinutes = null,
        int occasions = 1, Guid? recordId = null, Guid? volunteerId = null) =>
        ServiceRecord.Create(Submitted(activityCode, serviceDate, durationMinutes, occasions, recordId, volunteerId));

    public static ServiceRecordSubmitted Submitted(string activityCode, LocalDate serviceDate,
        int? durationMinutes = null, int occasions = 1, Guid? recordId = null, Guid? volunteerId = null) =>
        new(recordId ?? Guid.NewGuid(), Lanhua, volunteerId ?? Zhang, activityCode, serviceDate, durationMinutes,
            occasions, null, Now, "张晓梅");
}
