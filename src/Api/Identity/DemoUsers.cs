using Marten;
using Marten.Schema;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Identity;

/// <summary>
/// Demo accounts for Development only (never registered in Production): one per role, the volunteers linked
/// to seeded Lanhua volunteers. Password: <c>QUNTUAN_DEMO_PASSWORD</c>, else <see cref="DefaultPassword"/>.
/// </summary>
public sealed class DemoUsers(IClock clock, ILogger<DemoUsers> logger) : IInitialData
{
    public const string DefaultPassword = "lanhua-demo-2026";

    private static readonly Guid Lanhua = DeterministicId.ForCommunity("lanhua");
    private static Guid SeededVolunteer(int n) => Guid.Parse($"00000000-0000-7000-8000-{n:D12}");

    public static IReadOnlyList<NewUser> All =>
    [
        new("admin", [Role.Admin], [], null, true),
        new("office.lanhua", [Role.Office], [Lanhua], null, true),
        new("organizer.lanhua", [Role.Organizer, Role.Volunteer], [Lanhua], SeededVolunteer(2), false),
        new("auditor", [Role.Auditor], [], null, false),
        new("volunteer.demo1", [Role.Volunteer], [Lanhua], SeededVolunteer(1), false),
        new("volunteer.demo2", [Role.Volunteer], [Lanhua], SeededVolunteer(3), false)
    ];

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        var password = Environment.GetEnvironmentVariable("QUNTUAN_DEMO_PASSWORD") is { Length: > 0 } p
            ? p
            : DefaultPassword;
        var now = clock.GetCurrentInstant();
        foreach (var demo in All)
        {
            await using var session = store.LightweightSession();
            if (await UserDirectory.Find(session, demo.Username, ct) is not null) continue;
            if (demo.VolunteerId is { } v && await session.Events.FetchStreamStateAsync(v, ct) is null)
            {
                logger.LogWarning("Demo user {User} skipped: volunteer {Volunteer} is not seeded", demo.Username, v);
                continue;
            }
            var (user, _) = await UserDirectory.Create(session, demo, "seed", now, 1, ct);
            session.Update(user with
            {
                ActivationCodeHash = null, ActivationExpiresAt = null, PasswordSetAt = now,
                PasswordHash = Passwords.Hash(user, password)
            });
            await session.SaveChangesAsync(ct);
        }
    }
}
