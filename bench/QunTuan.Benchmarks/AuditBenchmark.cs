using System.Diagnostics;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using QunTuan.Api.Seeding;
using QunTuan.Ledger.Audit;
using QunTuan.Projections.Audit;

namespace QunTuan.Benchmarks;

public static class AuditBenchmark
{
    public static async Task Run(string connectionString, string[] args)
    {
        // Figures for the audit features, measured in one run on one database so they can be compared with each other:
        //   1. the real Lanhua year 2025 generated through the real handlers by the Simulation code of src/Api, as
        //      the lanhua benchmark and ./run.sh --scenario lanhua do, in a throw-away schema;
        //   2. over that year: replay throughput, every projection rebuilt through the daemon in a shadow schema by
        //      the machinery the API's replays use (ProjectionReplay), in events a second, against a plain
        //      sequential read of the same event table;
        //   3. over that year: chain verification throughput;
        //   4. the hash chain's cost to write throughput, over a stand-in workload (CreditBurst.cs): the same
        //      crediting burst on fresh seeded schemas with and without the chain linker.
        // Not part of the test suites. Usage: dotnet run -c Release --project bench/QunTuan.Benchmarks -- audit
        //   [--writes 1500] [--keep]
        var writes = args.SkipWhile(a => a != "--writes").Skip(1).Select(int.Parse).FirstOrDefault(1500);
        var keep = args.Contains("--keep");
        var run = Guid.NewGuid().ToString("N")[..8];
        var yearSchema = $"qt_bench_{run}_lanhua";
        var ct = CancellationToken.None;
        Console.WriteLine($"QunTuan audit benchmark: {Environment.ProcessorCount} cores, PostgreSQL at " +
                          $"{new NpgsqlConnectionStringBuilder(connectionString).Host}, run {run}");

        try
        {
            // ---- 1. The Lanhua year -----------------------------------------------------------------------------------
            Console.WriteLine();
            Console.WriteLine($"Generating the Lanhua year through the handlers in schema {yearSchema} (a minute or more)...");
            ChainVerification verification;
            TimeSpan verifyElapsed;
            long rows;
            double readSeconds;
            ReplayResult result;
            TimeSpan replayElapsed;
            await using (var host = await LanhuaYearHost.StartAsync(connectionString, yearSchema))
            {
                var (summary, written, write) = await host.WriteYearAsync(ct);
                var catchUp = await host.CatchUpAsync();
                // Nothing of the host's (daemon, Wolverine, lag monitor) runs while the figures are taken.
                await host.StopAsync();
                Console.WriteLine($"Lanhua year {summary.Year}: {summary.Volunteers:N0} volunteers, " +
                                  $"{summary.Sessions:N0} sessions, {summary.PointsCredited:N0} points, " +
                                  $"{summary.ElderVisits:N0} elder visits; {summary.Events:N0} events in all " +
                                  $"({written:N0} written by the year after the seeds in {write.TotalSeconds:N1} s = " +
                                  $"{written / write.TotalSeconds:N0} events/s through the handlers, chain on; " +
                                  $"async daemon caught up {catchUp.TotalSeconds:N1} s later)");

                // ---- 2. Replay against a plain read, over the Lanhua year -------------------------------------------------
                var read = Stopwatch.StartNew();
                rows = await ProjectionReplay.ReadAllEventsAsync(connectionString, yearSchema, ct);
                read.Stop();
                var readAgain = Stopwatch.StartNew();
                await ProjectionReplay.ReadAllEventsAsync(connectionString, yearSchema, ct);
                readAgain.Stop();
                readSeconds = Math.Min(read.Elapsed.TotalSeconds, readAgain.Elapsed.TotalSeconds);

                var replay = Stopwatch.StartNew();
                result = await ProjectionReplay.RunAsync(connectionString, yearSchema, $"{yearSchema}_shadow", _ => { }, ct);
                replayElapsed = replay.Elapsed;

                // ---- 3. Verification, over the Lanhua year -----------------------------------------------------------------
                var verify = Stopwatch.StartNew();
                verification = await ChainVerifier.VerifyAsync(host.Store, host.Clock.GetCurrentInstant(), ct: ct);
                verifyElapsed = verify.Elapsed;
            }

            var projections = result.Projections.Count;
            var rebuildSeconds = result.RebuildMilliseconds / 1000.0;
            var rebuildRate = result.EventCount / rebuildSeconds;
            var readRate = rows / readSeconds;
            Console.WriteLine();
            Console.WriteLine($"Over the Lanhua year, {result.EventCount:N0} events (seeds included):");
            Console.WriteLine($"  plain sequential read of mt_events: {rows:N0} rows in {readSeconds * 1000:N0} ms = {readRate:N0} events/s");
            Console.WriteLine($"  replay ({projections} projections rebuilt through the daemon, as the API's replays do): " +
                              $"{result.EventCount:N0} events in {rebuildSeconds:N1} s = {rebuildRate:N0} events/s of history " +
                              $"({result.EventCount * projections / rebuildSeconds:N0} event applications/s)");
            Console.WriteLine($"  ratio replay / plain read: 1 : {readRate / rebuildRate:N0} ({rebuildRate / readRate:P2})");
            Console.WriteLine($"  whole replay incl. shadow schema, copy and compare: {replayElapsed.TotalSeconds:N1} s " +
                              $"(copy {result.CopyMilliseconds} ms, compare {result.CompareMilliseconds} ms), " +
                              $"{result.Documents.Sum(d => d.ReplayCount):N0} documents, {result.DifferenceCount} differences");
            foreach (var slowest in result.Projections.OrderByDescending(p => p.Milliseconds).Take(3))
                Console.WriteLine($"  slowest: {slowest.Projection} {slowest.Milliseconds} ms");
            Console.WriteLine($"  chain verification: {verification.LinkCount:N0} links in {verification.Chains.Count} chains, " +
                              $"{(verification.Intact ? "intact" : "BROKEN")}, {verifyElapsed.TotalSeconds:N1} s = " +
                              $"{verification.LinkCount / verifyElapsed.TotalSeconds:N0} events/s");

            // ---- 4. The chain's cost to writes, over the stand-in workload -------------------------------------------------
            Console.WriteLine();
            Console.WriteLine($"Write throughput with and without the hash chain, over a stand-in workload (not the Lanhua " +
                              $"year; CreditBurst.cs): {writes} immediate credits ({CreditBurst.EventsPerCredit} events each) " +
                              "for the 36 seeded volunteers on a fresh seeded schema per measurement, alternating:");
            var rates = new Dictionary<(bool Chain, int Writers), List<double>>();
            foreach (var writers in new[] { 1, 8 })
            foreach (var round in Enumerable.Range(0, 2))
            foreach (var chain in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var schema = $"qt_bench_{run}_w{writers}_{(chain ? "chain" : "plain")}";
                var writeClock = new FakeClock(Instant.FromUtc(2026, 11, 23, 2, 0));
                using var writeStore = Stores.Create(connectionString, schema, writeClock, chain);
                await SeedLoader.LoadAsync(writeStore, writeClock, SeedLoader.DefaultDirectory, ct);
                var (count, seconds) = await CreditBurst.RunAsync(writeStore, writeClock, writes, writers, ct);
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
        }
        finally
        {
            if (!keep) await Stores.DropAll(connectionString, $"qt_bench_{run}");
        }
    }
}
