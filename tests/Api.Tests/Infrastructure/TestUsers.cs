using NodaTime;
using QunTuan.Api.Identity;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>Users for tests. Tokens are minted for them directly; only sign-in tests need a stored account.</summary>
public static class TestUsers
{
    public static UserAccount Office(string name = "clerk-li", params Guid[] communities) =>
        Make(name, [Role.Office], communities.Length == 0 ? [Seeded.Lanhua] : communities, null, canReadPersonalData: true);

    public static UserAccount Admin(string name = "admin-zhou") => Make(name, [Role.Admin], [], null);

    public static UserAccount Auditor(string name = "auditor-qian", params Guid[] communities) =>
        Make(name, [Role.Auditor], communities, null);

    public static UserAccount Volunteer(Guid volunteerId, Guid? community = null, string? name = null) =>
        Make(name ?? $"v-{volunteerId.ToString("N")[^6..]}", [Role.Volunteer], [community ?? Seeded.Lanhua], volunteerId);

    public static UserAccount Organizer(Guid volunteerId, Guid? community = null, string? name = null) =>
        Make(name ?? $"org-{volunteerId.ToString("N")[^6..]}", [Role.Organizer, Role.Volunteer],
            [community ?? Seeded.Lanhua], volunteerId);

    public static UserAccount Make(string name, Role[] roles, Guid[] communities, Guid? volunteerId,
        bool canReadPersonalData = false) =>
        new(DeterministicUserId(name), name, roles, communities, volunteerId, canReadPersonalData,
            Instant.FromUtc(2026, 1, 1, 0, 0), "test");

    // The same name is the same user across calls, so per-user state (idempotency keys, limits) lines up.
    private static Guid DeterministicUserId(string name) =>
        QunTuan.Ledger.Shared.DeterministicId.Create(new Guid("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"), name);
}
