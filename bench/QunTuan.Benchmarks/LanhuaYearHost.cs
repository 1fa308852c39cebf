using System.Diagnostics;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Simulation;

namespace QunTuan.Benchmarks;

/// <summary>What writing the Lanhua year took: the scenario's summary, the events it added after the seeds, and how long.</summary>
public sealed record LanhuaYearWrite(LanhuaYearSummary Summary, long Written, TimeSpan Elapsed);

/// <summary>
/// The application host (<c>AddQunTuan</c>, seeds on, the Lanhua scenario's clock, its async daemon and Wolverine)
/// on a throw-away schema, to write the real Lanhua year through the real handlers with the Simulation code of
/// src/Api, as <c>./run.sh --scenario lanhua</c> does. Disposing stops the host; dropping the schema is the
/// caller's business (so a benchmark can keep it, and drops it even when the host failed to start).
/// </summary>
public sealed class LanhuaYearHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private LanhuaYearHost(WebApplication app)
    {
        _app = app;
        Store = app.Services.GetRequiredService<IDocumentStore>();
        Clock = app.Services.GetRequiredService<ScenarioClock>();
    }

    public IDocumentStore Store { get; }
    public ScenarioClock Clock { get; }
    public ILogger Logger => _app.Logger;

    public static async Task<LanhuaYearHost> StartAsync(string connectionString, string schema)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:Marten"] = connectionString;
        builder.Configuration["Marten:Schema"] = schema;
        builder.Configuration["Seeding:Enabled"] = "true";
        builder.Configuration["Scenario:Name"] = "lanhua";
        builder.Configuration["Scenario:AutoRun"] = "false";
        builder.AddQunTuan();
        var app = builder.Build();
        try
        {
            app.UseQunTuan();
            await app.StartAsync();
            return new LanhuaYearHost(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the year through the handlers; inline projections included, the async ones left to the daemon.</summary>
    public async Task<LanhuaYearWrite> WriteYearAsync(CancellationToken ct)
    {
        var before = await EventCountAsync();
        var write = Stopwatch.StartNew();
        var summary = await new LanhuaYear(Store, Clock.Set, _app.Logger).Run(ct);
        write.Stop();
        return new LanhuaYearWrite(summary, summary.Events - before, write.Elapsed);
    }

    /// <summary>How long the async daemon still needed to catch up with everything written.</summary>
    public async Task<TimeSpan> CatchUpAsync()
    {
        var catchUp = Stopwatch.StartNew();
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(10));
        return catchUp.Elapsed;
    }

    public async Task<long> EventCountAsync() => (await Store.Advanced.FetchEventStoreStatistics()).EventCount;

    /// <summary>Stops the host (daemon, Wolverine, hosted services); the store stays usable for reads.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
