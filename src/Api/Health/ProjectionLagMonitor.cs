using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QunTuan.Api.Health;

/// <summary>
/// How far each async projection trails the event store's high-water mark, read on every health check and every
/// ten seconds in the background, and published as the gauge <c>quntuan.projections.lag</c> (events, per shard).
/// </summary>
public sealed class ProjectionLagMonitor : BackgroundService
{
    public const string MeterName = "QunTuan.Projections";

    private readonly IDocumentStore _store;
    private readonly ILogger<ProjectionLagMonitor> _logger;
    private volatile IReadOnlyDictionary<string, long> _current = new Dictionary<string, long>();

    public ProjectionLagMonitor(IDocumentStore store, IMeterFactory meters, ILogger<ProjectionLagMonitor> logger)
    {
        _store = store;
        _logger = logger;
        meters.Create(MeterName).CreateObservableGauge("quntuan.projections.lag",
            () => _current.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("shard", s.Key))),
            unit: "{event}", description: "Events the async projection has yet to process");
    }

    public sealed record Reading(long HighWaterMark, IReadOnlyDictionary<string, long> Lag, long DeadLetters);

    public async Task<Reading> Read(CancellationToken ct)
    {
        var progress = await _store.Advanced.AllProjectionProgress(token: ct);
        var highWater = progress.FirstOrDefault(p => p.ShardName == "HighWaterMark")?.Sequence
                        ?? (await _store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;
        var lag = progress.Where(p => p.ShardName != "HighWaterMark")
            .ToDictionary(p => p.ShardName, p => Math.Max(0, highWater - p.Sequence));
        await using var session = _store.QuerySession();
        var deadLetters = await session.Query<JasperFx.Events.Daemon.DeadLetterEvent>().CountAsync(ct);
        _current = lag;
        return new Reading(highWater, lag, deadLetters);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await Read(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Could not read projection progress");
            }
        }
    }
}

/// <summary>Degraded while any async projection is far behind or an event was dead-lettered.</summary>
public sealed class ProjectionLagHealthCheck(ProjectionLagMonitor lag) : IHealthCheck
{
    public const long DegradedAfter = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var reading = await lag.Read(ct);
        var data = new Dictionary<string, object>
        {
            ["highWaterMark"] = reading.HighWaterMark,
            ["deadLetters"] = reading.DeadLetters,
            ["lag"] = reading.Lag
        };
        var worst = reading.Lag.Values.DefaultIfEmpty(0).Max();
        return reading.DeadLetters > 0 || worst > DegradedAfter
            ? HealthCheckResult.Degraded($"projections behind by up to {worst} events, {reading.DeadLetters} dead letters", data: data)
            : HealthCheckResult.Healthy($"projections behind by up to {worst} events", data);
    }
}
