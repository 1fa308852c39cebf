using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Simulation;

namespace QunTuan.Benchmarks;

/// <summary>
/// Times writing the Lanhua year through the real handlers into a fresh schema, the async daemon catching up
/// with it, and a full rebuild of the async projections, and prints events per second for each. A measurement,
/// not a test: run it with <c>dotnet run -c Release --project bench/QunTuan.Benchmarks -- lanhua</c>.
/// </summary>
public static class LanhuaYearBenchmark
{
    public static async Task Run(string connectionString)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:Marten"] = connectionString;
        builder.Configuration["Marten:Schema"] = schema;
        builder.Configuration["Seeding:Enabled"] = "true";
        builder.Configuration["Scenario:Name"] = "lanhua";
        builder.Configuration["Scenario:AutoRun"] = "false";
        builder.AddQunTuan();
        await using var app = builder.Build();
        app.UseQunTuan();
        await app.StartAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var clock = app.Services.GetRequiredService<ScenarioClock>();

        try
        {
            var before = await Events(store);
            var write = Stopwatch.StartNew();
            var summary = await new LanhuaYear(store, clock.Set, app.Logger).Run(CancellationToken.None);
            write.Stop();
            var written = summary.Events - before;
            var catchUp = Stopwatch.StartNew();
            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(10));
            catchUp.Stop();

            using var daemon = await store.BuildProjectionDaemonAsync();
            var rebuild = Stopwatch.StartNew();
            foreach (var name in new[] { "ParticipationFact", "RatingFact" })
                await daemon.RebuildProjectionAsync(name, CancellationToken.None);
            rebuild.Stop();

            Console.WriteLine($"Lanhua year {summary.Year}: {summary.Volunteers} volunteers, {summary.Sessions} sessions, " +
                              $"{summary.PointsCredited} points, {summary.ElderVisits} elder visits");
            Console.WriteLine($"  written through the handlers: {written:N0} events in {write.Elapsed.TotalSeconds:F1} s " +
                              $"= {written / write.Elapsed.TotalSeconds:N0} events/s (inline projections included)");
            Console.WriteLine($"  async daemon caught up {catchUp.Elapsed.TotalSeconds:F1} s after the last write");
            Console.WriteLine($"  generated and fully projected: {written / (write.Elapsed + catchUp.Elapsed).TotalSeconds:N0} events/s");
            Console.WriteLine($"  rebuild of the async projections over {summary.Events:N0} events: {rebuild.Elapsed.TotalSeconds:F1} s " +
                              $"= {summary.Events / rebuild.Elapsed.TotalSeconds:N0} events/s");
        }
        finally
        {
            await app.StopAsync();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await new NpgsqlCommand($"drop schema if exists {schema} cascade", connection).ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> Events(IDocumentStore store) =>
        (await store.Advanced.FetchEventStoreStatistics()).EventCount;
}
