namespace QunTuan.Ledger.Volunteers;

/// <summary>
/// Volunteer star levels (志愿者星级) from lifetime service hours, on the national thresholds for registered
/// volunteers: 100, 300, 600, 1,000 and 1,500 hours. Stars recognise time given; they never spend points.
/// </summary>
public sealed record StarLevel(int Stars, string NameZh, string NameEn, int LifetimeHours, int? NextAtHours)
{
    public static readonly IReadOnlyList<int> Thresholds = [100, 300, 600, 1_000, 1_500];

    private static readonly string[] Names = ["未评星", "一星", "二星", "三星", "四星", "五星"];

    public static StarLevel ForMinutes(long lifetimeMinutes)
    {
        var hours = (int)(Math.Max(0, lifetimeMinutes) / 60);
        var stars = Thresholds.Count(t => hours >= t);
        return new StarLevel(stars, stars == 0 ? "未评星" : $"{Names[stars]}志愿者",
            stars == 0 ? "No star yet" : $"{stars}-star volunteer", hours,
            stars < Thresholds.Count ? Thresholds[stars] : null);
    }
}
