using Npgsql;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Audit;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// Tamper evidence: someone with database access edits, deletes or slips in a row of <c>mt_events</c>; the chain
/// check names exactly that event. Even a chain recomputed after the edit cannot reproduce a head published before.
/// </summary>
public sealed class when_history_is_edited_behind_the_ledgers_back(AppFixture fixture) : AuditScenarios(fixture)
{
    // It edits the event or document tables with SQL on purpose.
    protected override bool LedgerMustStaySound => false;

    private static readonly string Lanhua = AuditChain.For(Seeded.Lanhua);

    private async Task History()
    {
        await Credit(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 120);
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        await Credit(Seeded.LiJianguo, "CB01", Today, durationMinutes: 90);
        var before = await VerifyChain();
        before.Intact.ShouldBeTrue();
        before.LinkCount.ShouldBe(before.EventCount);
        before.Chains.Select(c => c.Chain).ShouldBe([Lanhua, AuditChain.Global], ignoreOrder: true);
    }

    [Fact]
    public async Task an_edited_event_is_named()
    {
        await History();
        var edited = await EventOf(Seeded.ZhangXiaomei, "points_credited");
        (await Sql($"update {Events} set data = jsonb_set(data, '{{points}}', '500') where id = @a", edited)).ShouldBe(1);

        var result = await VerifyChain();

        result.Intact.ShouldBeFalse();
        result.FirstProblem!.Kind.ShouldBe(ChainProblemKind.Modified);
        result.FirstProblem.EventId.ShouldBe(edited);
        result.FirstProblem.StreamId.ShouldBe(Seeded.ZhangXiaomei);
        result.Chains.Single(c => c.Chain == Lanhua).Intact.ShouldBeFalse();
        result.Chains.Single(c => c.Chain == AuditChain.Global).Intact.ShouldBeTrue();
        result.InsertedCount.ShouldBe(0);
    }

    [Fact]
    public async Task metadata_is_covered_too()
    {
        await History();
        var edited = await EventOf(Seeded.LiJianguo, "points_credited");
        await Sql($"update {Events} set user_name = 'clerk-nobody' where id = @a", edited);

        var result = await VerifyChain();

        result.FirstProblem!.Kind.ShouldBe(ChainProblemKind.Modified);
        result.FirstProblem.EventId.ShouldBe(edited);
    }

    [Fact]
    public async Task a_deleted_event_is_named()
    {
        await History();
        var deleted = await EventOf(Seeded.ZhangXiaomei, "points_credited", nth: 2);
        (await Sql($"delete from {Events} where id = @a", deleted)).ShouldBe(1);

        var result = await VerifyChain();

        result.Intact.ShouldBeFalse();
        result.FirstProblem!.Kind.ShouldBe(ChainProblemKind.Deleted);
        result.FirstProblem.EventId.ShouldBe(deleted);
        result.FirstProblem.Chain.ShouldBe(Lanhua);
    }

    [Fact]
    public async Task an_inserted_event_is_named()
    {
        await History();
        var inserted = await InsertCopyOf(await EventOf(Seeded.LiJianguo, "points_credited"));

        var result = await VerifyChain();

        result.Intact.ShouldBeFalse();
        result.FirstProblem!.Kind.ShouldBe(ChainProblemKind.Inserted);
        result.FirstProblem.EventId.ShouldBe(inserted);
        result.InsertedCount.ShouldBe(1);
        result.Chains.ShouldAllBe(c => c.Intact);
    }

    [Fact]
    public async Task a_chain_recomputed_after_an_edit_no_longer_matches_its_published_head()
    {
        await History();
        var published = await ChainVerifier.HeadsAsync(Store);
        var edited = await EventOf(Seeded.ZhangXiaomei, "points_credited");
        await Sql($"update {Events} set data = jsonb_set(data, '{{points}}', '500') where id = @a", edited);
        await RecomputeChain(Lanhua);

        // With access to the database and the formula, the intruder made the chain consistent again...
        (await ChainVerifier.VerifyAsync(Store, App.Clock.GetCurrentInstant())).Intact.ShouldBeTrue();

        // ...but not with the head published before the edit.
        var result = await ChainVerifier.VerifyAsync(Store, App.Clock.GetCurrentInstant(), published);
        result.Intact.ShouldBeFalse();
        result.PublishedHeadMismatches.Single().Chain.ShouldBe(Lanhua);
        result.PublishedHeadMismatches.Single().PublishedHash.ShouldBe(published.Single(h => h.Chain == Lanhua).Hash);
    }

    private async Task RecomputeChain(string chain)
    {
        var rows = new List<(long Position, StoredEvent Event)>();
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand($"""
                select c.position, {StoredEvent.Columns} from "{App.Schema}".mt_audit_chain c
                join {Events} e on e.seq_id = c.seq_id where c.chain = @a order by c.position
                """, connection);
            read.Parameters.AddWithValue("a", chain);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), StoredEvent.Read(reader, 1)));
        }
        var previous = ChainHash.Genesis;
        foreach (var (position, e) in rows)
        {
            previous = ChainHash.Link(previous, e);
            await Sql($"update \"{App.Schema}\".mt_audit_chain set hash = @a where chain = @b and position = @c",
                previous, chain, position);
        }
    }
}
