using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events.Aggregation;
using Npgsql;
using NodaTime;
using QunTuan.Ledger.Audit;
using QunTuan.Projections.Chest;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Projections.Audit;

/// <summary>One ledger invariant of RELIABILITY.md checked over the whole store, with the figures behind the verdict.</summary>
public sealed record InvariantResult(
    string Id,
    string Name,
    bool Holds,
    string Summary,
    IReadOnlyDictionary<string, long> Figures);

public sealed record InvariantReport(bool AllHold, IReadOnlyList<InvariantResult> Invariants, Instant CheckedAt,
    long DurationMilliseconds);

/// <summary>
/// I1-I8 over the whole store, from the events first and the documents second. Each invariant reports figures
/// (sums, counts) as well as a verdict, so an auditor sees "issued 5,210, reversed 60, adjusted 12, balances 5,162"
/// rather than a bare tick.
/// </summary>
public static class InvariantCheck
{
    /// <summary>
    /// The event types that move the available points of an account (a volunteer's or a community chest's) and the
    /// sign of their <c>points</c> field against the <c>balanceAfter</c> they state. A new kind of movement is one
    /// more line here and is then covered by I1, I2 and I3. A capture moves held points, not available ones.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Movements = new Dictionary<string, int>
    {
        ["points_credited"] = 1,
        ["service_credit_reversed"] = -1,
        ["points_adjusted"] = 1,
        ["points_held"] = -1,
        ["points_released"] = 1,
        ["points_captured"] = 0,
        ["points_refunded"] = 1,
        ["points_donated"] = -1,
        ["points_expired"] = -1,
        ["chest_donation_received"] = 1,
        ["chest_expired_points_received"] = 1,
        ["chest_points_held"] = -1,
        ["chest_points_released"] = 1,
        ["chest_points_captured"] = 0,
        ["chest_points_refunded"] = 1
    };

    /// <summary>The movements of held points (against the <c>heldAfter</c> they state): a hold, its release, its capture.</summary>
    public static readonly IReadOnlyDictionary<string, int> HeldMovements = new Dictionary<string, int>
    {
        ["points_held"] = 1,
        ["points_released"] = -1,
        ["points_captured"] = -1,
        ["chest_points_held"] = 1,
        ["chest_points_released"] = -1,
        ["chest_points_captured"] = -1
    };

    /// <param name="samplePerType">How many documents of each single-stream type I6 folds again; 0 leaves I6 to
    /// replays (the quick check the API tests run after every test).</param>
    public static async Task<InvariantReport> RunAsync(IDocumentStore store, Instant now, int samplePerType = 200,
        Action<string>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var schema = store.Options.Events.DatabaseSchemaName;
        var balances = Table<VolunteerBalance>(store);
        var chests = Table<ChestView>(store);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(VolunteerBalance), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(ChestView), ct);
        await using var connection = await ChainVerifier.OpenAsync(store, ct);
        var sql = new Sql(connection, schema);

        var results = new List<InvariantResult>();
        void Add(InvariantResult r)
        {
            results.Add(r);
            progress?.Invoke($"{r.Id} {(r.Holds ? "holds" : "BROKEN")}: {r.Summary}");
        }

        Add(await NoNegativeBalance(sql, balances, chests, ct));
        Add(await Conservation(sql, balances, chests, ct));
        Add(await CreditedAtMostOnce(sql, ct));
        Add(await Idempotency(sql, ct));
        Add(await MatchedLegs(sql, ct));
        Add(await ProjectionsEqualFolds(store, sql, samplePerType, ct));
        Add(await NothingLostAsynchronously(store, sql, ct));
        Add(await VersionsGapFree(sql, ct));

        return new InvariantReport(results.All(r => r.Holds), results, now, clock.ElapsedMilliseconds);
    }

    private static string MovementTypes => string.Join(", ", Movements.Keys.Select(k => $"'{k}'"));
    private static string HeldTypes => string.Join(", ", HeldMovements.Keys.Select(k => $"'{k}'"));

    private static string Delta => SignedPoints(Movements);
    private static string HeldDelta => SignedPoints(HeldMovements);

    private static string SignedPoints(IReadOnlyDictionary<string, int> signs) =>
        "case e.type " + string.Concat(signs.Select(m => $"when '{m.Key}' then {m.Value} * (e.data ->> 'points')::int ")) +
        "else 0 end";

    /// <summary>Volunteers' accounts and community chests alike: available and held points per account.</summary>
    private static string Accounts(Sql sql, string balances, string chests) => $"""
        (select d.data ->> 'communityId' as community, (d.data ->> 'available')::int as available,
                (d.data ->> 'held')::int as held, 'volunteer' as kind from {sql.Doc(balances)} d
         union all
         select c.data ->> 'communityId', (c.data ->> 'available')::int, (c.data ->> 'held')::int, 'chest'
         from {sql.Doc(chests)} c)
        """;

    private static async Task<InvariantResult> NoNegativeBalance(Sql sql, string balances, string chests,
        CancellationToken ct)
    {
        var events = await sql.Row($"""
            select count(*), count(*) filter (where (e.data ->> 'balanceAfter')::int < 0
                                                 or coalesce((e.data ->> 'heldAfter')::int, 0) < 0),
                   coalesce(min((e.data ->> 'balanceAfter')::int), 0)
            from {sql.Events} e where e.type in ({MovementTypes})
            """, ct);
        var docs = await sql.Row($"""
            select count(*), count(*) filter (where a.available < 0 or a.held < 0), coalesce(min(a.available), 0)
            from {Accounts(sql, balances, chests)} a
            """, ct);
        var holds = events[1] == 0 && docs[1] == 0;
        return new InvariantResult("I1", "余额不为负 / no balance below zero", holds,
            $"{docs[0]} accounts (volunteers and chests), lowest balance {docs[2]}; {events[0]} movements, " +
            $"{events[1]} leaving a balance below zero (lowest {events[2]}); {docs[1]} accounts below zero",
            new Dictionary<string, long>
            {
                ["accounts"] = docs[0], ["lowest_balance"] = docs[2], ["accounts_below_zero"] = docs[1],
                ["movements"] = events[0], ["movements_below_zero"] = events[1]
            });
    }

    /// <summary>
    /// Points come into being only by credits and adjustments, and leave only by reversals and by being spent on
    /// redemptions. Donations and expiry move points from volunteers to chests; holds move them from available to
    /// held. So issued − reversed + adjusted = spent (captured − refunded) + every account's available + held.
    /// </summary>
    private static async Task<InvariantResult> Conservation(Sql sql, string balances, string chests,
        CancellationToken ct)
    {
        var sums = await sql.Row($"""
            select coalesce(sum((e.data ->> 'points')::int) filter (where e.type = 'points_credited'), 0),
                   coalesce(sum((e.data ->> 'points')::int) filter (where e.type = 'service_credit_reversed'), 0),
                   coalesce(sum((e.data ->> 'points')::int) filter (where e.type = 'points_adjusted'), 0),
                   coalesce(sum((e.data ->> 'points')::int) filter (where e.type in ('points_captured', 'chest_points_captured')), 0),
                   coalesce(sum((e.data ->> 'points')::int) filter (where e.type in ('points_refunded', 'chest_points_refunded')), 0),
                   coalesce(sum((e.data ->> 'points')::int) filter (where e.type in ('points_donated', 'points_expired')), 0)
            from {sql.Events} e where e.type in ({MovementTypes})
            """, ct);
        var held = await sql.Row($"""
            select coalesce(sum(a.available) filter (where a.kind = 'volunteer'), 0),
                   coalesce(sum(a.held) filter (where a.kind = 'volunteer'), 0),
                   coalesce(sum(a.available + a.held) filter (where a.kind = 'chest'), 0)
            from {Accounts(sql, balances, chests)} a
            """, ct);
        // Each account's running totals of movements must equal the balances its events state after each one.
        var running = await sql.Row($"""
            select (select count(*) from (
                      select (e.data ->> 'balanceAfter')::int as after,
                             sum({Delta}) over (partition by e.stream_id order by e.version) as total
                      from {sql.Events} e where e.type in ({MovementTypes})) m
                    where m.after <> m.total),
                   (select count(*) from (
                      select (e.data ->> 'heldAfter')::int as after,
                             sum({HeldDelta}) over (partition by e.stream_id order by e.version) as total
                      from {sql.Events} e where e.type in ({HeldTypes})) h
                    where h.after <> h.total)
            """, ct);
        // Per community: the movements of its accounts (volunteers and chest) against the balances of its accounts.
        var communities = await sql.Row($"""
            with moved as (
              select r.data ->> 'communityId' as community, sum({Delta} + {HeldDelta}) as points
              from {sql.Events} e
              join {sql.Events} r on r.stream_id = e.stream_id and r.version = 1
                                 and r.type in ('volunteer_registered', 'chest_opened')
              where e.type in ({MovementTypes}) group by 1),
            held as (
              select a.community, sum(a.available + a.held) as points
              from {Accounts(sql, balances, chests)} a group by 1)
            select count(*), count(*) filter (where coalesce(moved.points, 0) <> coalesce(held.points, 0))
            from moved full join held on held.community = moved.community
            """, ct);
        var (issued, reversed, adjusted, captured, refunded, given) = (sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
        var spent = captured - refunded;
        var onAccounts = held[0] + held[1] + held[2];
        var holds = issued - reversed + adjusted == spent + onAccounts && running[0] == 0 && running[1] == 0 &&
                    communities[1] == 0;
        return new InvariantResult("I2", "积分守恒 / points are conserved", holds,
            $"issued {issued} - reversed {reversed} + adjusted {adjusted} = {issued - reversed + adjusted}; spent " +
            $"{captured} - refunded {refunded} = {spent}; on volunteers' accounts {held[0]} available + {held[1]} held, " +
            $"in chests {held[2]} (of which {given} donated or expired); {spent} + {onAccounts} = {spent + onAccounts}; " +
            $"{running[0] + running[1]} movements whose balance-after breaks the running total; " +
            $"{communities[1]} of {communities[0]} communities out of balance",
            new Dictionary<string, long>
            {
                ["issued"] = issued, ["reversed"] = reversed, ["adjusted"] = adjusted, ["captured"] = captured,
                ["refunded"] = refunded, ["spent"] = spent, ["donated_or_expired"] = given,
                ["available"] = held[0], ["held"] = held[1], ["in_chests"] = held[2],
                ["running_total_breaks"] = running[0], ["held_total_breaks"] = running[1],
                ["communities"] = communities[0], ["communities_out_of_balance"] = communities[1]
            });
    }

    private static async Task<InvariantResult> CreditedAtMostOnce(Sql sql, CancellationToken ct)
    {
        var row = await sql.Row($"""
            with per_record as (
              select e.data ->> 'recordId' as record,
                     count(*) filter (where e.type = 'points_credited') as credits,
                     count(*) filter (where e.type = 'service_credit_reversed') as reversals
              from {sql.Events} e where e.type in ('points_credited', 'service_credit_reversed') group by 1)
            select count(*) filter (where credits > 0), count(*) filter (where credits > 1),
                   count(*) filter (where reversals > 0), count(*) filter (where reversals > credits or reversals > 1)
            from per_record
            """, ct);
        var holds = row[1] == 0 && row[3] == 0;
        return new InvariantResult("I3", "不重复入账 / no record credited or spent twice", holds,
            $"{row[0]} records credited, {row[1]} credited more than once; {row[2]} reversed, {row[3]} reversed " +
            "twice or without a credit",
            new Dictionary<string, long>
            {
                ["records_credited"] = row[0], ["credited_twice"] = row[1], ["records_reversed"] = row[2],
                ["reversed_twice_or_uncredited"] = row[3]
            });
    }

    private static async Task<InvariantResult> Idempotency(Sql sql, CancellationToken ct)
    {
        var ids = await sql.Row($"""
            select (select count(*) - count(distinct e.data ->> 'adjustmentId') from {sql.Events} e where e.type = 'points_adjusted'),
                   (select count(*) - count(distinct e.data ->> 'visitId') from {sql.Events} e where e.type = 'elder_visit_logged'),
                   (select count(*) - count(distinct e.data ->> 'recordId') from {sql.Events} e where e.type = 'service_record_submitted')
            """, ct);
        var keys = await sql.TableExists("mt_doc_idempotencyrecord", ct)
            ? await sql.Row($"""
                select count(*), count(*) filter (where d.data ->> 'statusCode' is not null)
                from {sql.Doc("mt_doc_idempotencyrecord")} d
                """, ct)
            : [0, 0];
        var holds = ids[0] == 0 && ids[1] == 0 && ids[2] == 0;
        return new InvariantResult("I4", "幂等 / one effect per request", holds,
            $"{keys[0]} idempotency keys kept ({keys[1]} answered); duplicate adjustment ids {ids[0]}, duplicate visit " +
            $"ids {ids[1]}, records submitted twice {ids[2]}",
            new Dictionary<string, long>
            {
                ["idempotency_keys"] = keys[0], ["idempotency_keys_answered"] = keys[1],
                ["duplicate_adjustment_ids"] = ids[0], ["duplicate_visit_ids"] = ids[1],
                ["records_submitted_twice"] = ids[2]
            });
    }

    private static async Task<InvariantResult> MatchedLegs(Sql sql, CancellationToken ct)
    {
        // A record's verification and the credit on the account are two legs of one fact; so are a record's
        // reversal and the reversal on the account. Each leg must have its twin, with the same points.
        var row = await sql.Row($"""
            with verified as (
              select e.stream_id::text as record, e.data ->> 'volunteerId' as volunteer, e.data ->> 'points' as points,
                     count(*) as n
              from {sql.Events} e where e.type = 'service_record_verified' group by 1, 2, 3),
            credited as (
              select e.data ->> 'recordId' as record, e.stream_id::text as volunteer, e.data ->> 'points' as points,
                     count(*) as n
              from {sql.Events} e where e.type = 'points_credited' group by 1, 2, 3),
            reversed as (
              select e.stream_id::text as record, e.data ->> 'volunteerId' as volunteer, e.data ->> 'points' as points,
                     count(*) as n
              from {sql.Events} e where e.type = 'service_record_reversed' group by 1, 2, 3),
            taken_back as (
              select e.data ->> 'recordId' as record, e.stream_id::text as volunteer, e.data ->> 'points' as points,
                     count(*) as n
              from {sql.Events} e where e.type = 'service_credit_reversed' group by 1, 2, 3)
            select (select coalesce(sum(n), 0) from verified),
                   (select count(*) from verified v full join credited c using (record, volunteer, points)
                    where coalesce(v.n, 0) <> coalesce(c.n, 0)),
                   (select coalesce(sum(n), 0) from reversed),
                   (select count(*) from reversed r full join taken_back t using (record, volunteer, points)
                    where coalesce(r.n, 0) <> coalesce(t.n, 0))
            """, ct);
        // A donation or an expiry leaves a volunteer and arrives in a chest; an approved redemption is spent by
        // exactly one payer (a volunteer or a chest), and a refunded one is given back to it.
        var transfers = await sql.Row($"""
            with sent as (
              select coalesce(e.data ->> 'donationId', e.data ->> 'expiryId') as id, e.data ->> 'points' as points,
                     count(*) as n
              from {sql.Events} e where e.type in ('points_donated', 'points_expired') group by 1, 2),
            received as (
              select coalesce(e.data ->> 'donationId', e.data ->> 'expiryId') as id, e.data ->> 'points' as points,
                     count(*) as n
              from {sql.Events} e where e.type in ('chest_donation_received', 'chest_expired_points_received')
              group by 1, 2),
            approved as (
              select e.stream_id::text as id, count(*) as n from {sql.Events} e where e.type = 'redemption_approved'
              group by 1),
            captured as (
              select e.data ->> 'redemptionId' as id, count(*) as n from {sql.Events} e
              where e.type in ('points_captured', 'chest_points_captured') group by 1),
            refunded as (
              select e.stream_id::text as id, count(*) as n from {sql.Events} e where e.type = 'redemption_refunded'
              group by 1),
            given_back as (
              select e.data ->> 'redemptionId' as id, count(*) as n from {sql.Events} e
              where e.type in ('points_refunded', 'chest_points_refunded') group by 1)
            select (select coalesce(sum(n), 0) from sent),
                   (select count(distinct id) from sent s full join received r using (id, points) where coalesce(s.n, 0) <> coalesce(r.n, 0)),
                   (select coalesce(sum(n), 0) from approved),
                   (select count(*) from approved a full join captured c using (id) where coalesce(a.n, 0) <> coalesce(c.n, 0)),
                   (select count(*) from refunded r full join given_back g using (id) where coalesce(r.n, 0) <> coalesce(g.n, 0))
            """, ct);
        var holds = row[1] == 0 && row[3] == 0 && transfers[1] == 0 && transfers[3] == 0 && transfers[4] == 0;
        return new InvariantResult("I5", "借贷成对 / every movement has its matching leg", holds,
            $"{row[0]} verified records, {row[1]} without their credit (or credits without a verification); " +
            $"{row[2]} reversed records, {row[3]} unmatched reversals; {transfers[0]} donations and expiries, " +
            $"{transfers[1]} not received by a chest; {transfers[2]} approved redemptions, {transfers[3]} not spent " +
            $"exactly once; {transfers[4]} refunds unmatched",
            new Dictionary<string, long>
            {
                ["verified_records"] = row[0], ["unmatched_credits"] = row[1], ["reversed_records"] = row[2],
                ["unmatched_reversals"] = row[3], ["transfers_to_chests"] = transfers[0],
                ["unmatched_transfers"] = transfers[1], ["approved_redemptions"] = transfers[2],
                ["unmatched_captures"] = transfers[3], ["unmatched_refunds"] = transfers[4]
            });
    }

    private static async Task<InvariantResult> ProjectionsEqualFolds(IDocumentStore store, Sql sql, int sample,
        CancellationToken ct)
    {
        if (sample == 0)
            return new InvariantResult("I6", "投影等于事件折叠 / documents equal a fold of their events", true,
                "not sampled this time; every projection is compared in full by a replay",
                new Dictionary<string, long> { ["documents_checked"] = 0 });
        var aggregate = typeof(JasperFx.Events.IQueryEventStore).GetMethods()
            .Single(m => m.Name == nameof(JasperFx.Events.IQueryEventStore.AggregateStreamAsync) && m.IsGenericMethodDefinition &&
                         m.GetParameters()[0].ParameterType == typeof(Guid));
        var serializer = store.Options.Serializer();
        long checkedDocs = 0, total = 0, mismatches = 0, types = 0, pending = 0;
        var firstMismatches = "";
        await using var session = store.QuerySession();
        foreach (var source in ((StoreOptions)store.Options).Projections.All.Where(IsSingleStream))
        {
            var type = source.PublishedTypes().Single();
            var table = ((IReadOnlyStoreOptions)store.Options).FindOrResolveDocumentType(type).TableName.Name;
            if (!await sql.TableExists(table, ct)) continue;
            types++;
            total += (await sql.Row($"select count(*) from {sql.Doc(table)}", ct))[0];
            // An asynchronous projection may not have seen a stream's latest events yet: such documents are not
            // wrong, only late, so they are counted as pending and left out of the comparison.
            var caughtUp = "";
            if (source.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async)
            {
                var progress = (await sql.Row(
                    $"select coalesce(min(last_seq_id), 0) from \"{sql.Schema}\".mt_event_progression " +
                    $"where name like '{source.Name.Replace("'", "''")}:%'", ct))[0];
                var behind = $"exists (select 1 from {sql.Events} e where e.stream_id = d.id and e.seq_id > {progress})";
                caughtUp = $"where not {behind}";
                pending += (await sql.Row($"select count(*) from {sql.Doc(table)} d where {behind}", ct))[0];
            }
            // A fixed pseudo-random sample: the same documents on every run, spread over the whole table.
            var docs = await sql.Pairs(
                $"select d.id, d.data::text from {sql.Doc(table)} d {caughtUp} order by md5(d.id::text) limit {sample}", ct);
            foreach (var (id, json) in docs)
            {
                var method = aggregate.MakeGenericMethod(type);
                var args = method.GetParameters().Select(p =>
                    p.Position == 0 ? Guid.Parse(id) :
                    p.ParameterType == typeof(CancellationToken) ? ct :
                    p.HasDefaultValue ? p.DefaultValue : null).ToArray();
                var task = (Task)method.Invoke(session.Events, args)!;
                await task;
                var folded = task.GetType().GetProperty("Result")!.GetValue(task);
                checkedDocs++;
                if (folded is not null && JsonNode.DeepEquals(JsonNode.Parse(serializer.ToJson(folded)), JsonNode.Parse(json)))
                    continue;
                mismatches++;
                if (mismatches <= 5) firstMismatches += $"{(mismatches == 1 ? "; " : ", ")}{type.Name} {id}";
            }
        }
        return new InvariantResult("I6", "投影等于事件折叠 / documents equal a fold of their events", mismatches == 0,
            $"{checkedDocs} of {total} documents of {types} single-stream types folded again (up to {sample} a type), " +
            $"{mismatches} differ{firstMismatches}; {pending} of asynchronous projections not caught up yet, left out; " +
            "every projection is compared in full by a replay",
            new Dictionary<string, long>
            {
                ["documents"] = total, ["documents_checked"] = checkedDocs, ["types"] = types, ["mismatches"] = mismatches,
                ["pending_async"] = pending
            });
    }

    private static bool IsSingleStream(object source)
    {
        for (var type = source.GetType(); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>)) return true;
        return false;
    }

    private static async Task<InvariantResult> NothingLostAsynchronously(IDocumentStore store, Sql sql,
        CancellationToken ct)
    {
        var deadLetters = await sql.TableExists("mt_doc_deadletterevent", ct)
            ? (await sql.Row($"select count(*) from {sql.Doc("mt_doc_deadletterevent")}", ct))[0]
            : 0;
        var skips = await sql.TableExists("mt_high_water_skips", ct)
            ? (await sql.Row($"select count(*) from {sql.Doc("mt_high_water_skips")}", ct))[0]
            : 0;
        var asyncShards = ((StoreOptions)store.Options).Projections.All.Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async)
            .Select(p => p.Name).ToList();
        var progress = await sql.Pairs($"select name, last_seq_id::text from \"{sql.Schema}\".mt_event_progression", ct);
        var highWater = progress.Where(p => p.Name == "HighWaterMark").Select(p => long.Parse(p.Value)).FirstOrDefault();
        var behind = progress.Count(p => asyncShards.Any(s => p.Name.StartsWith(s, StringComparison.Ordinal)) &&
                                         long.Parse(p.Value) < highWater);
        var holds = deadLetters == 0 && skips == 0;
        return new InvariantResult("I7", "异步投影不丢不重 / asynchronous projections lose and repeat nothing", holds,
            $"{deadLetters} dead-letter events, {skips} skipped sequence gaps; {asyncShards.Count} asynchronous projections, " +
            $"{behind} behind the high-water mark {highWater}",
            new Dictionary<string, long>
            {
                ["dead_letters"] = deadLetters, ["high_water_skips"] = skips, ["async_projections"] = asyncShards.Count,
                ["behind_high_water"] = behind, ["high_water"] = highWater
            });
    }

    private static async Task<InvariantResult> VersionsGapFree(Sql sql, CancellationToken ct)
    {
        var row = await sql.Row($"""
            select (select count(*) from {sql.Streams}),
                   (select count(*) from {sql.Events}),
                   (select count(*) from (select e.version, row_number() over (partition by e.stream_id order by e.version) as n
                                          from {sql.Events} e where e.type <> 'tombstone') v where v.version <> v.n),
                   (select count(*) from {sql.Streams} s
                    left join (select e.stream_id, max(e.version) as top, count(*) as n from {sql.Events} e group by 1) e
                      on e.stream_id = s.id
                    where (coalesce(e.top, 0) <> s.version or coalesce(e.n, 0) <> s.version)
                      and not exists (select 1 from {sql.Events} t where t.stream_id = s.id and t.type = 'tombstone')),
                   (select count(*) from {AuditChain.Qualified(sql.Schema)} c
                    where not exists (select 1 from {sql.Events} e where e.seq_id = c.seq_id)),
                   (select coalesce(max(e.seq_id), 0) - count(*) from {sql.Events} e)
            """, ct);
        // Marten fills the sequence numbers of a failed commit with tombstones, on a stream of their own whose
        // versions are those sequence numbers: they record nothing and are left out.
        var holds = row[2] == 0 && row[3] == 0 && row[4] == 0;
        return new InvariantResult("I8", "版本连续、已提交事件不丢 / stream versions gap-free, no committed event lost", holds,
            $"{row[0]} streams, {row[1]} events; {row[2]} versions out of sequence, {row[3]} streams whose version " +
            $"disagrees with their events, {row[4]} chained events missing; {row[5]} unused sequence numbers " +
            "(rolled-back transactions, not losses)",
            new Dictionary<string, long>
            {
                ["streams"] = row[0], ["events"] = row[1], ["version_gaps"] = row[2], ["stream_version_mismatches"] = row[3],
                ["chained_events_missing"] = row[4], ["unused_sequence_numbers"] = row[5]
            });
    }

    private static string Table<T>(IDocumentStore store) =>
        ((IReadOnlyStoreOptions)store.Options).FindOrResolveDocumentType(typeof(T)).TableName.Name;

    private sealed class Sql(NpgsqlConnection connection, string schema)
    {
        public string Schema => schema;
        public string Events => $"\"{schema}\".mt_events";
        public string Streams => $"\"{schema}\".mt_streams";
        public string Doc(string table) => $"\"{schema}\".{table}";

        public async Task<long[]> Row(string sql, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var row = new long[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i));
            return row;
        }

        public async Task<List<(string Name, string Value)>> Pairs(string sql, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<(string, string)>();
            while (await reader.ReadAsync(ct)) rows.Add((Convert.ToString(reader.GetValue(0))!, reader.GetString(1)));
            return rows;
        }

        public async Task<bool> TableExists(string table, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand("select to_regclass(@name) is not null", connection);
            command.Parameters.AddWithValue("name", $"\"{schema}\".{table}");
            return (bool)(await command.ExecuteScalarAsync(ct))!;
        }
    }
}
