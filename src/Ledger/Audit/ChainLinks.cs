using System.Text.Json;
using Marten;

namespace QunTuan.Ledger.Audit;

/// <summary>A link of a chain: where an event sits in its community's chain, and the hash that commits to it.</summary>
public sealed record ChainAnchor(string Chain, long Position, string Hash);

public static class ChainLinks
{
    /// <summary>The link of the event with global sequence <paramref name="sequence"/>, read in the session's own
    /// transaction; null when the event is not linked.</summary>
    public static async Task<ChainAnchor?> OfEventAsync(IQuerySession session, long sequence, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        await session.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        var rows = await session.QueryAsync<string>(
            $"select json_build_object('chain', chain, 'position', position, 'hash', hash)::text " +
            $"from {AuditChain.Qualified(schema)} where seq_id = ?", ct, sequence);
        if (rows.Count == 0) return null;
        using var json = JsonDocument.Parse(rows[0]);
        var root = json.RootElement;
        return new ChainAnchor(root.GetProperty("chain").GetString()!, root.GetProperty("position").GetInt64(),
            root.GetProperty("hash").GetString()!);
    }
}
