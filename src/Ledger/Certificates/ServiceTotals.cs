using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Certificates;

/// <summary>What an account's events say a volunteer did in a period, by activity: the certificate's figures.</summary>
public sealed record ServiceTotals(CertificateLine[] Lines, int AdjustmentPoints, int TotalMinutes, int TotalPoints)
{
    /// <summary>
    /// Services count by their service date; a credit reversed later (whenever) no longer counts. Adjustments count
    /// by the Asia/Shanghai date they were made on. Lines are ordered by category, then activity.
    /// </summary>
    public static ServiceTotals From(IEnumerable<object> accountEvents, LocalDate from, LocalDate to)
    {
        var credits = new Dictionary<Guid, PointsCredited>();
        var adjustments = 0;
        foreach (var e in accountEvents)
            switch (e)
            {
                case PointsCredited c when c.ServiceDate >= from && c.ServiceDate <= to:
                    credits[c.RecordId] = c;
                    break;
                case ServiceCreditReversed r:
                    credits.Remove(r.RecordId);
                    break;
                case PointsAdjusted a when ShanghaiCalendar.Today(a.AdjustedAt) is var day && day >= from && day <= to:
                    adjustments += a.Points;
                    break;
            }

        var lines = credits.Values
            .GroupBy(c => (c.CategoryCode, c.ActivityCode))
            .OrderBy(g => g.Key.CategoryCode, StringComparer.Ordinal).ThenBy(g => g.Key.ActivityCode, StringComparer.Ordinal)
            .Select(g => new CertificateLine(g.Key.CategoryCode, g.Key.ActivityCode, g.Count(), g.Sum(c => c.Minutes),
                g.Sum(c => c.Points)))
            .ToArray();
        return new ServiceTotals(lines, adjustments, lines.Sum(l => l.Minutes), lines.Sum(l => l.Points) + adjustments);
    }

    public bool SameAs(CertificateIssued issued) =>
        Lines.SequenceEqual(issued.Lines) && AdjustmentPoints == issued.AdjustmentPoints &&
        TotalMinutes == issued.TotalMinutes && TotalPoints == issued.TotalPoints;
}
