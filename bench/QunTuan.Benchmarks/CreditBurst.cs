using System.Diagnostics;
using Marten;
using NodaTime.Testing;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Benchmarks;

/// <summary>
/// The stand-in write workload the hash chain's cost is measured with (not the Lanhua year): immediate credits of
/// one per-session activity (CB02, civility persuasion) for the 36 seeded Lanhua volunteers, through the real
/// crediting handler, split over concurrent writers, each with its own volunteers, as clerks would work; all in
/// one community, so all on one chain.
/// </summary>
public static class CreditBurst
{
    private static readonly Guid[] Volunteers =
        Enumerable.Range(1, 36).Select(n => Guid.Parse($"00000000-0000-7000-8000-{n:D12}")).ToArray();

    public const int EventsPerCredit = 3;

    /// <summary><paramref name="credits"/> immediate credits split over <paramref name="writers"/> concurrent writers,
    /// one transaction per command as the API does. Returns events written and seconds.</summary>
    public static async Task<(long Events, double Seconds)> RunAsync(IDocumentStore store, FakeClock clock,
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
        return (credits * (long)EventsPerCredit, watch.Elapsed.TotalSeconds);
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
