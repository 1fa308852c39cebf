using Marten;
using Marten.Events;

namespace QunTuan.Api.Participation;

/// <summary>Read-your-writes for reports on async projections: wait until the daemon has caught up.</summary>
public static class Freshness
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task WaitForProjections(IDocumentStore store, CancellationToken ct)
    {
        try
        {
            await store.WaitForNonStaleProjectionDataAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new ProjectionsLagging();
        }
    }
}

/// <summary>The daemon could not catch up in time: a 503 with Retry-After rather than stale figures.</summary>
public sealed class ProjectionsLagging() : Exception("projections are lagging");
