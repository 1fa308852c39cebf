using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using QunTuan.Api.Identity;
using Wolverine;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>
/// The real application (Program) on the real PostgreSQL, in a schema of its own, with a fake clock and the
/// seed data loaded (Marten re-applies it after every reset). Two factories on one schema model a restart.
/// </summary>
public sealed class AppFactory(string schema, FakeClock clock) : WebApplicationFactory<Program>
{
    /// <summary>10:00 in Zhejiang on Monday 23 November 2026.</summary>
    public static Instant DefaultNow => Instant.FromUtc(2026, 11, 23, 2, 0);

    public string Schema { get; } = schema;
    public FakeClock Clock { get; } = clock;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>A fixed test key, so tokens stay valid across a restart of the host.</summary>
    public const string SigningKey = "cXVudHVhbi10ZXN0LXNpZ25pbmcta2V5LTMyLWJ5dGVzLWxvbmch";

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra configuration for one factory (for example tight rate limits).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Services one factory changes after the app registered its own (for example where an external
    /// issuer's signing keys come from).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>
    /// A client signed in as <paramref name="user"/>. Each request gets a fresh token from the app's own issuer,
    /// so tests that move the fake clock by hours keep a valid 15-minute token.
    /// </summary>
    public HttpClient ClientFor(UserAccount user) => CreateDefaultClient(new FreshToken(this, user));

    private sealed class FreshToken(AppFactory app, UserAccount user) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Authorization ??= new("Bearer", app.TokenFor(user));
            return base.SendAsync(request, ct);
        }
    }

    public string TokenFor(UserAccount user) => Services.GetRequiredService<TokenIssuer>().Issue(user).AccessToken;

    static AppFactory() => JasperFxEnvironment.AutoStartHost = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Marten", TestDatabase.ConnectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("Seeding:Enabled", "true");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        // Functional tests make many requests from one user; the limits have tests of their own.
        builder.UseSetting("RateLimits:SignInPerAddress", "100000");
        builder.UseSetting("RateLimits:SignInPerAccount", "100000");
        builder.UseSetting("RateLimits:MutationsPerUser", "100000");
        // Redemption deadlines are durable scheduled messages: tests wait for them a second at a time, not five.
        builder.UseSetting("Wolverine:ScheduledJobPollingTime", "00:00:01");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            // Solo: this host alone runs the async projections, without leader election. (Marten's
            // MartenDaemonModeIsSolo() swaps in a coordinator that starts no daemon by itself.)
            services.ConfigureMarten(opts => opts.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Solo);
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
            ExtraServices?.Invoke(services);
        });
    }

    public static async Task DropSchema(string schema)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
        await command.ExecuteNonQueryAsync();
    }
}
