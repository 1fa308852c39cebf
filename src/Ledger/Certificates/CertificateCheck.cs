using Marten;
using Npgsql;
using QunTuan.Ledger.Audit;

namespace QunTuan.Ledger.Certificates;

/// <summary>
/// What a third party learns about a certificate: whether it still matches the ledger, why not, and the check code
/// to compare with the printed one. Nothing about the volunteer or their service.
/// </summary>
public sealed record CertificateCheckResult(Guid CertificateId, bool Valid, string? Reason, string Digest);

/// <summary>
/// Re-checks a certificate against the ledger as it is now: the certificate's own event and every account event it
/// counted must still be the ones their chain links commit to, the anchor link must be unchanged, and the figures
/// recomputed from those events must be the ones printed.
/// </summary>
public static class CertificateCheck
{
    public const string CertificateAltered = "certificate_altered";
    public const string HistoryAltered = "history_altered";
    public const string ChainRewritten = "chain_rewritten";

    public static async Task<CertificateCheckResult?> RunAsync(IDocumentStore store, Guid certificateId,
        CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(certificateId, token: ct);
        if (stream.Count == 0 || stream[0].Data is not CertificateIssued issued) return null;
        var reason = await ReasonAsync(store, session, certificateId, issued, ct);
        return new CertificateCheckResult(certificateId, reason is null, reason, issued.Digest);
    }

    private static async Task<string?> ReasonAsync(IDocumentStore store, IQuerySession session, Guid certificateId,
        CertificateIssued issued, CancellationToken ct)
    {
        if (CertificateDigest.Of(issued) != issued.Digest) return CertificateAltered;

        var schema = store.Options.Events.DatabaseSchemaName;
        var certificateLinked = false;
        var accountVersions = new HashSet<long>();
        ChainAnchor? anchor = null;
        await using (var connection = await ChainVerifier.OpenAsync(store, ct))
        await using (var command = new NpgsqlCommand($"""
            select c.stream_id, c.version, c.chain, c.position, c.event_id, c.hash, p.hash, {StoredEvent.Columns}
            from {AuditChain.Qualified(schema)} c
            left join {AuditChain.Qualified(schema)} p on p.chain = c.chain and p.position = c.position - 1
            left join "{schema}".mt_events e on e.seq_id = c.seq_id
            where (c.stream_id = @account and c.version <= @version) or c.stream_id = @certificate
            """, connection))
        {
            command.Parameters.AddWithValue("account", issued.VolunteerId);
            command.Parameters.AddWithValue("version", issued.AccountVersion);
            command.Parameters.AddWithValue("certificate", certificateId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var streamId = reader.GetGuid(0);
                var version = reader.GetInt64(1);
                var position = reader.GetInt64(3);
                var hash = reader.GetString(5);
                var previous = reader.IsDBNull(6) ? position == 1 ? ChainHash.Genesis : null : reader.GetString(6);
                var stored = reader.IsDBNull(7) ? null : StoredEvent.Read(reader, 7);
                var intact = stored is not null && previous is not null && stored.Id == reader.GetGuid(4) &&
                             stored.StreamId == streamId && stored.Version == version &&
                             ChainHash.Link(previous, stored) == hash;
                if (streamId == certificateId)
                {
                    if (!intact) return CertificateAltered;
                    certificateLinked = true;
                    continue;
                }
                if (!intact || !accountVersions.Add(version)) return HistoryAltered;
                if (version == issued.AccountVersion) anchor = new ChainAnchor(reader.GetString(2), position, hash);
            }
        }
        if (!certificateLinked) return CertificateAltered;
        if (accountVersions.Count != issued.AccountVersion) return HistoryAltered;
        if (anchor != new ChainAnchor(issued.Chain, issued.ChainPosition, issued.ChainHash)) return ChainRewritten;

        try
        {
            var events = await session.Events.FetchStreamAsync(issued.VolunteerId, version: issued.AccountVersion,
                token: ct);
            var totals = ServiceTotals.From(events.Select(e => e.Data), issued.From, issued.To);
            return totals.SameAs(issued) ? null : HistoryAltered;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or
                                       Marten.Exceptions.MartenCommandException)
        {
            // An edited row that no longer deserializes is as much an alteration as one that does.
            return HistoryAltered;
        }
    }
}
