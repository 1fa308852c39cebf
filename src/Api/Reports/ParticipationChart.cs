using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Participation;
using QunTuan.Ledger.Shared;
using ScottPlot;
using Wolverine.Http;

namespace QunTuan.Api.Reports;

public static class ParticipationChart
{
    /// <summary>
    /// A PNG bar chart of person-times (人次) and residents (人) in the period, by month or by subcategory.
    /// Labels are in English: the servers have no CJK font, and boxes help nobody.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/participation.png")]
    public static async Task<IResult> Get(string communityId, string? period, string? chart, bool? fresh,
        IDocumentStore store, CancellationToken ct)
    {
        var when = Periods.Parse(period);
        var byMonth = chart is null or "month";
        if (!byMonth && chart != "category")
            throw new RequestRejected("chart", "unknown_chart", "chart 须为 month 或 category / chart must be month or category");

        var report = await ParticipationReports.Build(store, communityId, when.Key, byMonth ? null : "subcategory",
            fresh == true, ct);
        List<(string Label, long PersonTimes, long Participants)> series;
        if (byMonth)
        {
            series = [];
            for (var month = when.Start; month <= when.End; month = month.PlusMonths(1))
            {
                var m = await ParticipationReports.Build(store, communityId, ReportingPeriod.MonthKey(month), null, false, ct);
                series.Add((month.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture), m.PersonTimes, m.Participants));
            }
        }
        else
        {
            series = report.Breakdown.Select(l => (l.Key, l.PersonTimes, l.Participants)).ToList();
        }

        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < series.Count; i++)
        {
            bars.Add(new Bar { Position = i * 3, Value = series[i].PersonTimes, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = i * 3 + 1, Value = series[i].Participants, FillColor = Colors.Orange });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(series.Select((_, i) => i * 3 + 0.5).ToArray(), series.Select(s => s.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{report.CommunityCode} {when.Key}: person-times (blue) and residents (orange)");
        plot.YLabel("count");
        var png = plot.GetImageBytes(byMonth ? 900 : 1200, 450, ImageFormat.Png);
        return Results.File(png, "image/png", $"participation-{report.CommunityCode}-{when.Key}-{(byMonth ? "month" : "category")}.png");
    }
}
