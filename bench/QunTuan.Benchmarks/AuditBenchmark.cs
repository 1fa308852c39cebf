using System.Diagnostics;
using Marten;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using QunTuan.Api.Seeding;
using QunTuan.Ledger;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Shared;
using QunTuan.Projections;
using QunTuan.Projections.Audit;

namespace QunTuan.Benchmarks;

public static class AuditBenchmark
{
    public static async Task Run(string[] args)
    {
        // Figures for the audit features, measured in one run on one database so they can be compared with each other:
        //   1. a year of Lanhua history generated through the real handlers (the one crediting path, verification,
        //      reversals, adjustments), one transaction per command as the API does;
        //   2. replay throughput: every projection rebuilt from that year through the daemon in a shadow schema, in events
        //      a second, against a plain sequential read of the same event table;
        //   3. the hash chain's cost to write throughput: the same crediting workload with and without the chain linker;
        //   4. chain verification throughput.
        // Not part of the test suites. Usage: dotnet run -c Release --project bench/QunTuan.Benchmarks [-- --days 365 --keep]

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Marten") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=5432;Database=quntuan_test;Username=quntuan;Password=quntuan";
        var days = args.SkipWhile(a => a != "--days").Skip(1).Select(int.Parse).FirstOrDefault(365);
        var writes = args.SkipWhile(a => a != "--writes").Skip(1).Select(int.Parse).FirstOrDefault(1500);
        var keep = args.Contains("--keep");
        var run = Guid.NewGuid().ToString("N")[..8];
        var yearSchema = $"qt_bench_{run}_year";
        var ct = CancellationToken.None;
        Console.WriteLine($"QunTuan audit benchmark: {Environment.ProcessorCount} cores, PostgreSQL at " +
                          $"{new NpgsqlConnectionStringBuilder(connectionString).Host}, run {run}");

        try
        {
            // ---- 1. A year of history ------------------------------------------------------------------------------------
            var clock = new FakeClock(Instant.FromUtc(2026, 1, 5, 1, 0)); // Monday 5 January 2026, 09:00 in Zhejiang
            using var store = Stores.Create(connectionString, yearSchema, clock, chain: true);
            await SeedLoader.LoadAsync(store, clock, SeedLoader.DefaultDirectory, ct);
            var generation = Stopwatch.StartNew();
            var generated = await Year.GenerateAsync(store, clock, days, ct);
            generation.Stop();
            var events = await Stores.CountEvents(connectionString, yearSchema);
            Console.WriteLine();
            Console.WriteLine($"History: {days} days, {generated.Commands} commands ({generated.Credits} credits, " +
                              $"{generated.Queued} verified later, {generated.Reversals} reversals, {generated.Adjustments} adjustments), " +
                              $"{events:N0} events in {generation.Elapsed.TotalSeconds:N1} s " +
                              $"({events / generation.Elapsed.TotalSeconds:N0} events/s through the handlers, 4 writers, chain on)");

            // ---- 2. Replay against a plain read --------------------------------------------------------------------------
            var read = Stopwatch.StartNew();
            var rows = await ProjectionReplay.ReadAllEventsAsync(connectionString, yearSchema, ct);
            read.Stop();
            var readAgain = Stopwatch.StartNew();
            await ProjectionReplay.ReadAllEventsAsync(connectionString, yearSchema, ct);
            readAgain.Stop();
            var readSeconds = Math.Min(read.Elapsed.TotalSeconds, readAgain.Elapsed.TotalSeconds);

            var replay = Stopwatch.StartNew();
            var result = await ProjectionReplay.RunAsync(connectionString, yearSchema, $"{yearSchema}_shadow", _ => { }, ct);
            replay.Stop();
            var projections = result.Projections.Count;
            var rebuildSeconds = result.RebuildMilliseconds / 1000.0;
            var rebuildRate = result.EventCount / rebuildSeconds;
            var readRate = rows / readSeconds;
            Console.WriteLine();
            Console.WriteLine($"Plain sequential read of mt_events: {rows:N0} rows in {readSeconds * 1000:N0} ms = {readRate:N0} events/s");
            Console.WriteLine($"Replay ({projections} projections rebuilt through the daemon): {result.EventCount:N0} events in " +
                              $"{rebuildSeconds:N1} s = {rebuildRate:N0} events/s of history " +
                              $"({result.EventCount * projections / rebuildSeconds:N0} event applications/s)");
            Console.WriteLine($"  ratio replay / plain read: 1 : {readRate / rebuildRate:N0} ({rebuildRate / readRate:P2})");
            Console.WriteLine($"  whole replay incl. shadow schema, copy and compare: {replay.Elapsed.TotalSeconds:N1} s " +
                              $"(copy {result.CopyMilliseconds} ms, compare {result.CompareMilliseconds} ms), " +
                              $"{result.Documents.Sum(d => d.ReplayCount):N0} documents, {result.DifferenceCount} differences");
            foreach (var slowest in result.Projections.OrderByDescending(p => p.Milliseconds).Take(3))
                Console.WriteLine($"  slowest: {slowest.Projection} {slowest.Milliseconds} ms");

            // ---- 3. The chain's cost to writes ---------------------------------------------------------------------------
            Console.WriteLine();
            Console.WriteLine($"Write throughput, {writes} immediate credits (3 events each) per measurement, alternating:");
            var rates = new Dictionary<(bool Chain, int Writers), List<double>>();
            foreach (var writers in new[] { 1, 8 })
            foreach (var round in Enumerable.Range(0, 2))
            foreach (var chain in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var schema = $"qt_bench_{run}_w{writers}_{(chain ? "chain" : "plain")}";
                var writeClock = new FakeClock(Instant.FromUtc(2026, 11, 23, 2, 0));
                using var writeStore = Stores.Create(connectionString, schema, writeClock, chain);
                await SeedLoader.LoadAsync(writeStore, writeClock, SeedLoader.DefaultDirectory, ct);
                var (count, seconds) = await Year.CreditBurstAsync(writeStore, writeClock, writes, writers, ct);
                await Stores.Drop(connectionString, schema);
                var rate = count / seconds;
                (rates.TryGetValue((chain, writers), out var list) ? list : rates[(chain, writers)] = []).Add(rate);
                Console.WriteLine($"  {writers} writer(s), chain {(chain ? "on " : "off")}: {count:N0} events in {seconds:N1} s = {rate:N0} events/s");
            }
            foreach (var writers in new[] { 1, 8 })
            {
                var off = rates[(false, writers)].Max();
                var on = rates[(true, writers)].Max();
                Console.WriteLine($"  {writers} writer(s): best {off:N0} events/s without the chain, {on:N0} with it: " +
                                  $"cost {(off - on) / off:P1}");
            }

            // ---- 4. Verification ------------------------------------------------------------------------------------------
            var verify = Stopwatch.StartNew();
            var verification = await ChainVerifier.VerifyAsync(store, clock.GetCurrentInstant(), ct: ct);
            verify.Stop();
            Console.WriteLine();
            Console.WriteLine($"Chain verification: {verification.LinkCount:N0} links in {verification.Chains.Count} chains, " +
                              $"{(verification.Intact ? "intact" : "BROKEN")}, {verify.Elapsed.TotalSeconds:N1} s = " +
                              $"{verification.LinkCount / verify.Elapsed.TotalSeconds:N0} events/s");
        }
        finally
        {
            if (!keep) await Stores.DropAll(connectionString, $"qt_bench_{run}");
        }
    }
}
