using Marten;
using Npgsql;
using NodaTime;
using QunTuan.Ledger;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Shared;
using QunTuan.Projections;

namespace QunTuan.Benchmarks;

/// <summary>Document stores set up like the application's, on schemas of their own.</summary>
public static class Stores
{
    public static DocumentStore Create(string connectionString, string schema, IClock clock, bool chain)
    {
        var options = new StoreOptions();
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.AddLedger().AddLedgerProjections();
        options.Events.TimeProvider = new ClockTimeProvider(clock);
        if (!chain) options.WithoutAuditChain();
        var store = new DocumentStore(options);
        store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().GetAwaiter().GetResult();
        return store;
    }

    public static async Task<long> CountEvents(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from \"{schema}\".mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task Drop(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropAll(string connectionString, string prefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand("select nspname from pg_namespace where nspname like @p", connection))
        {
            list.Parameters.AddWithValue("p", prefix + "%");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        }
        foreach (var schema in schemas) await Drop(connectionString, schema);
    }
}
