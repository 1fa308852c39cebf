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

    /// <summary>The first day of the month holding <paramref name="date"/>: redemption limits are per calendar month.</summary>
    public static LocalDate MonthStart(LocalDate date) => new(date.Year, date.Month, 1);

    /// <summary>Midnight in Shanghai on <paramref name="date"/>.</summary>
    public static Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>The moment <paramref name="date"/> at <paramref name="time"/> happens in Shanghai.</summary>
    public static Instant At(LocalDate date, LocalTime time) => date.At(time).InZoneLeniently(Zone).ToInstant();

    /// <summary>The calendar year (in Shanghai) of a moment: points are lotted by the year they were earned.</summary>
    public static int Year(Instant instant) => instant.InZone(Zone).Year;
}
