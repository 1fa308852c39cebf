using JasperFx.Events;
using Marten;
using Marten.Events;
using QunTuan.Ledger.Activities;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace QunTuan.Ledger.Audit;

/// <summary>
/// The tamper-evident hash chains: one per community, plus one <see cref="Global"/> chain for streams that belong to
/// no community (the activity catalog). Every event is linked in the transaction that appends it (see
/// <see cref="AuditChainLinker"/>), so no event is ever stored unlinked.
/// <para>
/// A stream belongs to the chain of the community its first event names in a <c>CommunityId</c> field. A new kind of
/// stream needs nothing more; a stream kind tied to no community is listed in <see cref="GlobalStreamStarts"/>.
/// A stream that fits neither is refused when it is appended, so no event can escape the chains.
/// </para>
/// </summary>
public static class AuditChain
{
    public const string Global = "global";
    public const string Table = "mt_audit_chain";

    /// <summary>First events of streams that belong to no community.</summary>
    public static readonly IReadOnlyList<Type> GlobalStreamStarts = [typeof(ActivityDefined)];

    /// <summary>The chain a community's events are linked into.</summary>
    public static string For(Guid communityId) => communityId.ToString("D");

    /// <summary>The chain of a stream, from its first event, as the linker decides it; null when it has none.</summary>
    public static string? ChainOf(IEvent first) =>
        GlobalStreamStarts.Contains(first.EventType) ? Global
        : first.EventType.GetProperty("CommunityId")?.GetValue(first.Data) is Guid id ? For(id)
        : null;

    /// <summary>
    /// Adds the chain table and the linker to a store. Call it after the schema name is set: the table lives next to
    /// <c>mt_events</c>. Its name starts with <c>mt_</c> so that Marten's own reset of all data clears it too.
    /// </summary>
    public static StoreOptions AddAuditChain(this StoreOptions opts)
    {
        var schema = opts.Events.DatabaseSchemaName;
        var table = new Table(new PostgresqlObjectName(schema, Table, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("chain", "varchar(64)").NotNull().AsPrimaryKey();
        table.AddColumn("position", "bigint").NotNull().AsPrimaryKey();
        table.AddColumn("seq_id", "bigint").NotNull();
        table.AddColumn("event_id", "uuid").NotNull();
        table.AddColumn("stream_id", "uuid").NotNull();
        table.AddColumn("version", "bigint").NotNull();
        table.AddColumn("event_type", "varchar(200)").NotNull();
        table.AddColumn("hash", "char(64)").NotNull();
        table.Indexes.Add(new IndexDefinition($"{Table}_seq") { Columns = ["seq_id"], IsUnique = true });
        table.Indexes.Add(new IndexDefinition($"{Table}_stream") { Columns = ["stream_id", "version"] });
        opts.Storage.ExtendedSchemaObjects.Add(table);

        var graph = (EventGraph)opts.Events;
        var globalTypes = GlobalStreamStarts.Select(t => graph.EventMappingFor(t).EventTypeName).ToHashSet();
        opts.Listeners.Add(new AuditChainListener(schema, globalTypes));
        return opts;
    }

    /// <summary>Removes the linker, to measure what it costs; never in the application.</summary>
    public static StoreOptions WithoutAuditChain(this StoreOptions opts)
    {
        opts.Listeners.RemoveAll(l => l is AuditChainListener);
        return opts;
    }

    /// <summary>The chain table, schema-qualified.</summary>
    public static string Qualified(string schema) => $"\"{schema}\".{Table}";

    internal static IEvent[] PendingEvents(IDocumentSession session) =>
        session.PendingChanges.Streams().SelectMany(s => s.Events).ToArray();
}
