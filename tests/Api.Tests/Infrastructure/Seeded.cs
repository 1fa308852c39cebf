using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>Ids from seeds/: the Lanhua community, its demo volunteers and its 1+3 elders.</summary>
public static class Seeded
{
    public static readonly Guid Lanhua = DeterministicId.ForCommunity("lanhua");
    public static Guid Volunteer(int n) => Guid.Parse($"00000000-0000-7000-8000-{n:D12}");
    public static readonly Guid ZhangXiaomei = Volunteer(1);
    public static readonly Guid LiJianguo = Volunteer(2);

    /// <summary>seeds/volunteers.json: the first twelve, plus the helpers the thirty elders need.</summary>
    public const int VolunteerCount = 36;

    /// <summary>Elders 1-30 of seeds/elders.json: five per grid, 第1网格 first. In each grid the first three share
    /// one grid leader, grid member and Party member, and the last two share another three.</summary>
    public static Guid Elder(int n) => Guid.Parse($"00000000-0000-7000-9000-{n:D12}");

    public const int ElderCount = 30;

    /// <summary>seeds/catalog.json: twelve goods and twelve services of DOMAIN.md section 7.</summary>
    public const int CatalogItemCount = 24;
}
