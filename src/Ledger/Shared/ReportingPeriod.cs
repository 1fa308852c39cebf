using System.Text.RegularExpressions;
using NodaTime;

namespace QunTuan.Ledger.Shared;

public enum PeriodKind
{
    Year,
    Quarter,
    Month
}

/// <summary>
/// A reporting period in the Asia/Shanghai calendar, written as streets write it: <c>2026</c>, <c>2026-Q3</c>,
/// <c>2026-07</c>. Services fall in the period of their (local) service date.
/// </summary>
public sealed partial record ReportingPeriod(PeriodKind Kind, string Key, LocalDate Start, LocalDate End)
{
    [GeneratedRegex(@"^(?<y>\d{4})(?:-Q(?<q>[1-4])|-(?<m>0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = null!;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["y"].Value);
        if (year is < 2000 or > 2100) return false;
        if (match.Groups["q"].Success)
        {
            var q = int.Parse(match.Groups["q"].Value);
            var start = new LocalDate(year, (q - 1) * 3 + 1, 1);
            period = new ReportingPeriod(PeriodKind.Quarter, QuarterKey(start), start, start.PlusMonths(3).PlusDays(-1));
        }
        else if (match.Groups["m"].Success)
        {
            var start = new LocalDate(year, int.Parse(match.Groups["m"].Value), 1);
            period = new ReportingPeriod(PeriodKind.Month, MonthKey(start), start, start.PlusMonths(1).PlusDays(-1));
        }
        else
        {
            period = new ReportingPeriod(PeriodKind.Year, year.ToString(), new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        }
        return true;
    }

    public static string MonthKey(LocalDate date) => $"{date.Year:D4}-{date.Month:D2}";

    public static string QuarterKey(LocalDate date) => $"{date.Year:D4}-Q{(date.Month - 1) / 3 + 1}";

    /// <summary>20260331: a date as a number, so stored facts can be filtered and sorted in SQL.</summary>
    public static int DayKey(LocalDate date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    public bool Contains(LocalDate date) => date >= Start && date <= End;
}
