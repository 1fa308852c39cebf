using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
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

    static AppFactory() => JasperFxEnvironment.AutoStartHost = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marten", TestDatabase.ConnectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("Seeding:Enabled", "true");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            services.MartenDaemonModeIsSolo();
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
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
