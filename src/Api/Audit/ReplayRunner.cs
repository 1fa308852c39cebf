using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Audit;

namespace QunTuan.Api.Audit;

/// <summary>
/// Runs replays in the background, one at a time (each builds a whole shadow schema), and keeps each one's report
/// up to date in the store as it goes, so <c>GET /api/audit/replays/{id}</c> shows its progress. When the host stops,
/// a running replay is cancelled and waited for, so its shadow schema is dropped before the process ends.
/// </summary>
public sealed class ReplayRunner(IDocumentStore store, IConfiguration configuration, IClock clock,
    IHostApplicationLifetime lifetime, ILogger<ReplayRunner> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public async Task<ReplayReport> StartAsync(string requestedBy, Action<string>? echo = null)
    {
        ReplayReport report;
        lock (_gate)
        {
            if (!_running.IsCompleted)
                throw LedgerRuleViolation.Conflict("replay_in_progress",
                    "已有一次重放正在进行，请等它结束 / a replay is already running; wait for it to finish");
            var id = Guid.CreateVersion7();
            report = new ReplayReport(id, requestedBy, clock.GetCurrentInstant(), ReplayStatus.Running, "queued", 0, 0,
                null, 0, $"{store.Options.DatabaseSchemaName}_replay_{id.ToString("N")[^8..]}");
            _running = Task.Run(async () =>
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, _stopping.Token);
                await RunAsync(report, echo, stop.Token);
            });
        }
        await SaveAsync(report);
        return report;
    }

    /// <summary>Completes when no replay is running (tests wait on it instead of polling).</summary>
    public Task WhenIdle()
    {
        lock (_gate) return _running.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await WhenIdle();
        _stopping.Dispose();
    }

    private async Task RunAsync(ReplayReport report, Action<string>? echo, CancellationToken ct)
    {
        var started = clock.GetCurrentInstant();
        var wallClock = System.Diagnostics.Stopwatch.StartNew();
        void Say(string line)
        {
            logger.LogInformation("Replay {ReplayId}: {Progress}", report.Id, line);
            echo?.Invoke(line);
        }

        Say($"replay {report.Id} requested by {report.RequestedBy}, into shadow schema {report.ShadowSchema}");
        try
        {
            var connectionString = configuration.GetConnectionString("Marten") ?? QunTuanSetup.DefaultConnectionString;
            // The live async projections must have caught up, or everything they have yet to process would show
            // up as a difference. If no daemon runs anywhere, the comparison goes ahead and says so by its results.
            try
            {
                await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(store, TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                Say("the live async projections did not catch up within 2 minutes; comparing anyway");
            }
            var result = await ProjectionReplay.RunAsync(connectionString, store.Options.DatabaseSchemaName,
                report.ShadowSchema, p =>
                {
                    Say(p.Projection is null
                        ? $"{p.Stage} ({p.EventCount} events)"
                        : $"{p.Stage} {p.Projection} ({p.Done + 1}/{p.Total})");
                    report = report with
                    {
                        Stage = p.Stage, ProjectionsDone = p.Done, ProjectionsTotal = p.Total,
                        CurrentProjection = p.Projection, EventCount = p.EventCount
                    };
                    SaveAsync(report).GetAwaiter().GetResult();
                }, ct);

            report = report with
            {
                Status = ReplayStatus.Completed, Stage = "completed", CurrentProjection = null,
                CompletedAt = started.Plus(Duration.FromMilliseconds(wallClock.ElapsedMilliseconds)),
                DurationMilliseconds = wallClock.ElapsedMilliseconds, EventCount = result.EventCount,
                LastSequence = result.LastSequence, DifferenceCount = result.DifferenceCount,
                ReplayHash = result.ReplayHash, Documents = result.Documents, Differences = result.Differences,
                Projections = result.Projections
            };
            Say($"completed: {result.EventCount} events, {result.Documents.Sum(d => d.ReplayCount)} documents, " +
                $"{result.DifferenceCount} differences, {wallClock.ElapsedMilliseconds} ms, hash {result.ReplayHash}");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Replay {ReplayId} failed", report.Id);
            echo?.Invoke($"failed: {e.Message}");
            report = report with
            {
                Status = ReplayStatus.Failed, Stage = "failed", Error = e.Message,
                DurationMilliseconds = wallClock.ElapsedMilliseconds
            };
        }
        await SaveAsync(report);
    }

    private async Task SaveAsync(ReplayReport report)
    {
        await using var session = store.LightweightSession();
        session.Store(report);
        await session.SaveChangesAsync();
    }
}
