using Marten;
using NodaTime;

namespace QunTuan.Api.Idempotency;

/// <summary>
/// Deletes used <c>Idempotency-Key</c> records once they are older than <c>Idempotency:RetentionHours</c>
/// (default 24): a client retries within minutes, and the stored responses are secrets nobody needs later. Runs
/// hourly. Records are transport bookkeeping, not ledger history: the events the request wrote stay forever.
/// </summary>
public sealed class IdempotencyRetention(IDocumentStore store, IClock clock, IConfiguration config,
    ILogger<IdempotencyRetention> logger) : BackgroundService
{
    public Duration Retention { get; } = Duration.FromHours(config.GetValue("Idempotency:RetentionHours", 24));

    /// <summary>Deletes the records created before the retention period and returns how many went.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetCurrentInstant() - Retention;
        var table = ((IReadOnlyStoreOptions)store.Options)
            .FindOrResolveDocumentType(typeof(IdempotencyRecord)).TableName.QualifiedName;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IdempotencyRecord), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        // Instants are stored as ISO-8601 text, which PostgreSQL reads as timestamps.
        await using var command = new Npgsql.NpgsqlCommand(
            $"delete from {table} where (data ->> 'createdAt')::timestamptz < @cutoff", connection);
        command.Parameters.AddWithValue("cutoff", cutoff.ToDateTimeOffset());
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var deleted = await SweepAsync(ct);
                if (deleted > 0) logger.LogInformation("Deleted {Count} idempotency records past retention", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not delete old idempotency records");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
