using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten;

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
        try
        {
            await using var host = await LanhuaYearHost.StartAsync(connectionString, schema);
            var (summary, written, write) = await host.WriteYearAsync(CancellationToken.None);
            var catchUp = await host.CatchUpAsync();

            using var daemon = await host.Store.BuildProjectionDaemonAsync();
            var rebuild = Stopwatch.StartNew();
            foreach (var name in new[] { "ParticipationFact", "RatingFact" })
                await daemon.RebuildProjectionAsync(name, CancellationToken.None);
            rebuild.Stop();

            Console.WriteLine($"Lanhua year {summary.Year}: {summary.Volunteers} volunteers, {summary.Sessions} sessions, " +
                              $"{summary.PointsCredited} points, {summary.ElderVisits} elder visits");
            Console.WriteLine($"  written through the handlers: {written:N0} events in {write.TotalSeconds:F1} s " +
                              $"= {written / write.TotalSeconds:N0} events/s (inline projections included)");
            Console.WriteLine($"  async daemon caught up {catchUp.TotalSeconds:F1} s after the last write");
            Console.WriteLine($"  generated and fully projected: {written / (write + catchUp).TotalSeconds:N0} events/s");
            Console.WriteLine($"  rebuild of the async projections over {summary.Events:N0} events: {rebuild.Elapsed.TotalSeconds:F1} s " +
                              $"= {summary.Events / rebuild.Elapsed.TotalSeconds:N0} events/s");
        }
        finally
        {
            await Stores.Drop(connectionString, schema);
        }
    }
}
