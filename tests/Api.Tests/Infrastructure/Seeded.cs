using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>Ids from seeds/: the Lanhua community and its twelve demo volunteers.</summary>
public static class Seeded
{
    public static readonly Guid Lanhua = DeterministicId.ForCommunity("lanhua");
    public static Guid Volunteer(int n) => Guid.Parse($"00000000-0000-7000-8000-{n:D12}");
    public static readonly Guid ZhangXiaomei = Volunteer(1);
    public static readonly Guid LiJianguo = Volunteer(2);
}
