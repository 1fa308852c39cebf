using NodaTime;

namespace QunTuan.Ledger.Shared;

/// <summary>Service dates, weeks and reporting periods are local to Zhejiang (Asia/Shanghai).</summary>
public static class ShanghaiCalendar
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static LocalDate Today(Instant now) => now.InZone(Zone).Date;

    /// <summary>The Monday that starts the week holding <paramref name="date"/>: caps are per calendar week.</summary>
    public static LocalDate WeekStart(LocalDate date) =>
        date.Minus(Period.FromDays((int)date.DayOfWeek - (int)IsoDayOfWeek.Monday));
}
