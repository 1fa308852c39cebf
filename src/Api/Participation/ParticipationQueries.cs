using Marten;
using Npgsql;
using NpgsqlTypes;
using NodaTime;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Redemptions;

namespace QunTuan.Api.Participation;

/// <summary>One group of a report: 人 (distinct residents), 次/场 (sessions), 人次 (person-times), minutes, points.</summary>
public sealed record ParticipationCount(string Key, long Participants, long Sessions, long PersonTimes, long Minutes,
    long Points);

public enum Breakdown
{
    Category,
    Subcategory,
    Grid,
    Affiliation
}

/// <summary>
/// Counts over the participation facts the async projection keeps, in SQL, so distinct residents stay exact
/// however a period is cut. Only credited records count; a reversed record no longer does.
/// </summary>
public static class ParticipationQueries
{
    private const string Measures = """
        count(distinct f.volunteer_id), count(distinct f.session_key), count(*),
        coalesce(sum(f.minutes), 0), coalesce(sum(f.points), 0)
        """;

    public static async Task<ParticipationCount> Totals(IDocumentStore store, Guid? communityId,
        ReportingPeriod period, CancellationToken ct) =>
        (await Run(store, $"select 'total', {Measures} from {Facts(store)} f where {Where(communityId, period)}",
            communityId, period, null, ct)).SingleOrDefault() ?? new ParticipationCount("total", 0, 0, 0, 0, 0);

    /// <summary>Per community, for ranking communities: the community id is the key.</summary>
    public static Task<IReadOnlyList<ParticipationCount>> ByCommunity(IDocumentStore store, ReportingPeriod period,
        CancellationToken ct) =>
        Run(store, $"select f.community_id::text, {Measures} from {Facts(store)} f where {Where(null, period)} group by 1",
            null, period, null, ct);

    /// <summary>Per volunteer, for the leaderboard: most points first, then most minutes.</summary>
    public static Task<IReadOnlyList<ParticipationCount>> ByVolunteer(IDocumentStore store, Guid communityId,
        ReportingPeriod period, int top, CancellationToken ct) =>
        Run(store, $"""
            select f.volunteer_id::text, {Measures} from {Facts(store)} f where {Where(communityId, period)}
            group by 1 order by 6 desc, 5 desc, 1 limit {top}
            """, communityId, period, null, ct);

    public static Task<IReadOnlyList<ParticipationCount>> By(IDocumentStore store, Guid communityId,
        ReportingPeriod period, Breakdown by, IReadOnlyDictionary<string, string> categoryOfActivity, CancellationToken ct)
    {
        var facts = Facts(store);
        var profiles = $"{store.Options.DatabaseSchemaName}.mt_doc_volunteerprofile";
        var where = Where(communityId, period);
        var sql = by switch
        {
            Breakdown.Subcategory => $"select f.activity_code, {Measures} from {facts} f where {where} group by 1",
            Breakdown.Category => $"""
                select m.category, {Measures} from {facts} f
                join unnest(@codes, @categories) as m(code, category) on m.code = f.activity_code
                where {where} group by 1
                """,
            Breakdown.Grid => $"""
                select p.data ->> 'grid', {Measures} from {facts} f join {profiles} p on p.id = f.volunteer_id
                where {where} group by 1
                """,
            _ => $"""
                select a.affiliation, {Measures} from {facts} f join {profiles} p on p.id = f.volunteer_id
                cross join lateral (
                    select value as affiliation from jsonb_array_elements_text(p.data -> 'affiliations')
                    union all select 'none' where jsonb_array_length(p.data -> 'affiliations') = 0) a
                where {where} group by 1
                """
        };
        return Run(store, sql, communityId, period, categoryOfActivity, ct);
    }

    /// <summary>
    /// Points spent on redemptions approved in the period (Asia/Shanghai), whoever paid (a volunteer or the chest).
    /// A redemption later refunded (never collected) no longer counts, as a reversed record no longer counts as
    /// issued; held points of undecided requests are not spent yet.
    /// </summary>
    public static async Task<long> PointsRedeemed(IDocumentStore store, Guid communityId, ReportingPeriod period,
        CancellationToken ct)
    {
        var from = period.Start.AtStartOfDayInZone(ShanghaiCalendar.Zone).ToDateTimeUtc();
        var until = period.End.PlusDays(1).AtStartOfDayInZone(ShanghaiCalendar.Zone).ToDateTimeUtc();
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(RedemptionView), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select coalesce(sum((r.data ->> 'points')::int), 0)::bigint
            from {store.Options.DatabaseSchemaName}.mt_doc_redemptionview r
            where (r.data ->> 'communityId')::uuid = @community
              and r.data ->> 'status' in (@approved, @fulfilled)
              and (r.data ->> 'decidedAt')::timestamptz >= @from and (r.data ->> 'decidedAt')::timestamptz < @until
            """, connection);
        command.Parameters.AddWithValue("community", communityId);
        command.Parameters.AddWithValue("approved", nameof(RedemptionStatus.Approved));
        command.Parameters.AddWithValue("fulfilled", nameof(RedemptionStatus.Fulfilled));
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("until", until);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Facts(IDocumentStore store) => $"{store.Options.DatabaseSchemaName}.mt_doc_participationfact";

    private static string Where(Guid? communityId, ReportingPeriod period) =>
        (communityId is null ? "" : "f.community_id = @community and ") + "f.credited and " + period.Kind switch
        {
            PeriodKind.Year => "f.year = @year",
            PeriodKind.Quarter => "f.quarter = @key",
            _ => "f.month = @key"
        };

    private static async Task<IReadOnlyList<ParticipationCount>> Run(IDocumentStore store, string sql, Guid? communityId,
        ReportingPeriod period, IReadOnlyDictionary<string, string>? categories, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        if (communityId is { } id) command.Parameters.AddWithValue("community", id);
        command.Parameters.AddWithValue("year", period.Start.Year);
        command.Parameters.AddWithValue("key", period.Key);
        if (categories is not null)
        {
            command.Parameters.AddWithValue("codes", NpgsqlDbType.Array | NpgsqlDbType.Text, categories.Keys.ToArray());
            command.Parameters.AddWithValue("categories", NpgsqlDbType.Array | NpgsqlDbType.Text, categories.Values.ToArray());
        }
        var rows = new List<ParticipationCount>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new ParticipationCount(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1),
                    reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Nothing was ever projected into this store yet: nothing to count.
        }
        return rows;
    }
}
