using Npgsql;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Audit;

namespace QunTuan.Api.Tests.Audit;

/// <summary>Arrange steps for audit tests, and the SQL an intruder with database access would run.</summary>
public abstract class AuditScenarios(AppFixture fixture) : Scenarios(fixture)
{
    protected Task<ChainVerification> VerifyChain() =>
        GetAs<ChainVerification>(TestUsers.Admin(), "/api/audit/chain/verify");

    /// <summary>The id of the <paramref name="nth"/> (1-based) event of a type on a stream.</summary>
    protected async Task<Guid> EventOf(Guid streamId, string type, int nth = 1)
    {
        var id = await Scalar($"select id from {Events} where stream_id = @a and type = @b order by version offset {nth - 1} limit 1",
            streamId, type);
        return (Guid)id!;
    }

    protected string Events => $"\"{App.Schema}\".mt_events";

    /// <summary>Runs SQL on the test schema directly, around the application, with parameters @a, @b, ...</summary>
    protected async Task<int> Sql(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue(((char)('a' + i)).ToString(), args[i]);
        return await command.ExecuteNonQueryAsync();
    }

    protected async Task<object?> Scalar(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue(((char)('a' + i)).ToString(), args[i]);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Copies an event as a new row at the end of its stream, the way someone with psql would slip one in.</summary>
    protected async Task<Guid> InsertCopyOf(Guid eventId)
    {
        var id = Guid.CreateVersion7();
        await Sql($"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                                  correlation_id, causation_id, headers, user_name, is_archived)
            select nextval('"{App.Schema}".mt_events_sequence'), @a, stream_id,
                   (select max(version) + 1 from {Events} s where s.stream_id = e.stream_id), data, type, timestamp,
                   tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived
            from {Events} e where id = @b
            """, id, eventId);
        return id;
    }
}
