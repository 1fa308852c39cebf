using System.Diagnostics;
using Marten;
using NodaTime;
using NodaTime.Testing;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Benchmarks;

public sealed record Generated(int Commands, int Credits, int Queued, int Reversals, int Adjustments);

/// <summary>
/// A simple year of Lanhua's love bank, generated through the real handlers: every day about half of the 36 seeded
/// volunteers serve once (patrols, civility persuasion, river guarding, elder visits, and so on), most credited by the
/// office at once, some queued and verified at the end of the day; now and then a credit is reversed or an account
/// adjusted. Deterministic (fixed seed); four writers, each with its own volunteers, as four clerks would work.
/// </summary>
public static class Year
{
    private const int Writers = 4;
    private static readonly string[] Activities = ["CB01", "CB02", "CB04", "PV01", "CB08", "PV03", "CB06", "PV02"];
    private static readonly Guid[] Volunteers =
        Enumerable.Range(1, 36).Select(n => Guid.Parse($"00000000-0000-7000-8000-{n:D12}")).ToArray();

    public static async Task<Generated> GenerateAsync(IDocumentStore store, FakeClock clock, int days, CancellationToken ct)
    {
        var start = clock.GetCurrentInstant();
        var totals = new int[5];
        var credited = Enumerable.Range(0, Writers).Select(_ => new List<Guid>()).ToArray();
        var progress = Stopwatch.StartNew();
        for (var day = 0; day < days; day++)
        {
            clock.Reset(start.Plus(Duration.FromDays(day)));
            var date = ShanghaiCalendar.Today(clock.GetCurrentInstant());
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var random = new Random(day * 31 + w);
                var queued = new List<Guid>();
                for (var v = w; v < Volunteers.Length; v += Writers)
                {
                    if (random.NextDouble() < 0.5) continue;
                    var activity = Activities[random.Next(Activities.Length)];
                    int? minutes = activity is "CB01" or "CB04" or "CB06" ? 60 + 30 * random.Next(7) : null;
                    var now = random.NextDouble() < 0.7;
                    var recordId = Guid.CreateVersion7();
                    await Run(store, s => ServiceRecordBook.Record(s, new SubmitServiceRecord(recordId, Volunteers[v],
                        activity, date, minutes, 1, null, now, "clerk-li"), clock.GetCurrentInstant(), ct), ct);
                    Interlocked.Increment(ref totals[0]);
                    if (now)
                    {
                        Interlocked.Increment(ref totals[1]);
                        credited[w].Add(recordId);
                    }
                    else queued.Add(recordId);

                    if (random.NextDouble() < 0.01)
                    {
                        await Run(store, s => AdjustPointsHandler.Handle(new AdjustPoints(Volunteers[v], Guid.CreateVersion7(),
                            5, CorrectionReason.Goodwill, "雨天坚持服务", "clerk-li"), s, clock, ct), ct);
                        Interlocked.Increment(ref totals[0]);
                        Interlocked.Increment(ref totals[4]);
                    }
                }
                foreach (var recordId in queued)
                {
                    await Run(store, s => VerifyServiceRecordHandler.Handle(new VerifyServiceRecord(recordId, "clerk-wang"),
                        s, clock, ct), ct);
                    credited[w].Add(recordId);
                    Interlocked.Increment(ref totals[0]);
                    Interlocked.Increment(ref totals[2]);
                }
                if (credited[w].Count > 10 && random.NextDouble() < 0.3)
                {
                    var index = random.Next(credited[w].Count);
                    var recordId = credited[w][index];
                    credited[w].RemoveAt(index);
                    await Run(store, s => ReverseServiceRecordHandler.Handle(new ReverseServiceRecord(recordId,
                        CorrectionReason.EntryError, "登记有误", "clerk-wang"), s, clock, ct), ct);
                    Interlocked.Increment(ref totals[0]);
                    Interlocked.Increment(ref totals[3]);
                }
            }, ct)));
            if (progress.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"  day {day + 1}/{days}: {totals[0]} commands so far");
                progress.Restart();
            }
        }
        return new Generated(totals[0], totals[1], totals[2], totals[3], totals[4]);
    }

    /// <summary><paramref name="credits"/> immediate credits split over <paramref name="writers"/> concurrent writers,
    /// each on its own volunteers, all in one community (so all on one chain). Returns events written and seconds.</summary>
    public static async Task<(long Events, double Seconds)> CreditBurstAsync(IDocumentStore store, FakeClock clock,
        int credits, int writers, CancellationToken ct)
    {
        var date = ShanghaiCalendar.Today(clock.GetCurrentInstant());
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = Volunteers.Where((_, i) => i % writers == w).ToArray();
            for (var i = w; i < credits; i += writers)
                await Run(store, s => ServiceRecordBook.Record(s, new SubmitServiceRecord(Guid.CreateVersion7(),
                    mine[i / writers % mine.Length], "CB02", date, null, 1, null, true, "clerk-li"),
                    clock.GetCurrentInstant(), ct), ct);
        }, ct)));
        return (credits * 3L, watch.Elapsed.TotalSeconds);
    }

    private static async Task Run<T>(IDocumentStore store, Func<IDocumentSession, Task<T>> command, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "clerk-li";
        session.CorrelationId = Guid.NewGuid().ToString("N");
        await command(session);
        await session.SaveChangesAsync(ct);
    }
}
