using NodaTime;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ElderCare;

/// <summary>Elders and helpers built by folding events, as the event store builds them.</summary>
public static class Elders
{
    public static readonly Guid Wu = new("0d000000-0000-4000-8000-000000000001");
    public static readonly Guid Leader = new("0b000000-0000-4000-8000-000000000011");
    public static readonly Guid Member = new("0b000000-0000-4000-8000-000000000012");
    public static readonly Guid Party = new("0b000000-0000-4000-8000-000000000013");
    public static readonly Guid Spare = new("0b000000-0000-4000-8000-000000000014");

    /// <summary>Days relative to <see cref="Build.Now"/> (Monday 2026-07-06, 10:00 in Shanghai).</summary>
    public static Instant Day(int offset) => Build.Now.Plus(Duration.FromDays(offset));

    public static Elder Registered() =>
        Elder.Create(new ElderRegistered(Wu, Build.Lanhua, "吴阿婆", AgeBand.Aged80To89, "第1网格", Day(-30), "office"));

    /// <summary>Wu with the usual three helpers, paired <paramref name="daysAgo"/> days before now.</summary>
    public static Elder WithThreeHelpers(int daysAgo = 10) =>
        Registered()
            .Apply(new ElderHelperPaired(Wu, Leader, HelperRole.GridLeader, Day(-daysAgo), "office"))
            .Apply(new ElderHelperPaired(Wu, Member, HelperRole.GridMember, Day(-daysAgo), "office"))
            .Apply(new ElderHelperPaired(Wu, Party, HelperRole.PartyMember, Day(-daysAgo), "office"));

    public static Dictionary<Guid, VolunteerAccount> Volunteers(Guid? community = null) =>
        new[] { Leader, Member, Party, Spare }.ToDictionary(id => id,
            id => Build.AccountHolding(volunteerId: id, communityId: community ?? Build.Lanhua));
}
