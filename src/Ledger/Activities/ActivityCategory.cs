namespace QunTuan.Ledger.Activities;

/// <summary>The love bank's two top-level categories (「社区建设、公益美德两大类20小类」). They are fixed by the
/// scheme itself, so they live in code; subcategories are data (events) and can grow.</summary>
public sealed record ActivityCategory(string Code, string NameZh, string NameEn)
{
    public static readonly ActivityCategory CommunityBuilding = new("CB", "社区建设", "Community building");
    public static readonly ActivityCategory PublicWelfare = new("PV", "公益美德", "Public welfare and virtue");

    public static readonly IReadOnlyList<ActivityCategory> All = [CommunityBuilding, PublicWelfare];

    public static ActivityCategory? Find(string? code) =>
        All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}
