using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Projections.Audit;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// I1-I8 over the whole store, each with its figures: they hold after a scenario touching every stream kind, and the
/// ones that should break do break, with the figure that says why, when rows are edited behind the ledger's back.
/// </summary>
public sealed class when_the_ledger_invariants_are_checked(AppFixture fixture) : AuditScenarios(fixture)
{
    // It edits the event or document tables with SQL on purpose.
    protected override bool LedgerMustStaySound => false;

    private Task<InvariantReport> Check() =>
        GetAs<InvariantReport>(TestUsers.Admin(), "/api/audit/invariants?sample=1000");

    private static InvariantResult Of(InvariantReport report, string id) => report.Invariants.Single(i => i.Id == id);

    [Fact]
    public async Task all_eight_hold_with_their_figures_after_a_full_scenario()
    {
        await RichHistory();

        var report = await Check();

        report.Invariants.Select(i => i.Id).ShouldBe(["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"]);
        report.AllHold.ShouldBeTrue(string.Join("\n", report.Invariants.Select(i => $"{i.Id} {i.Holds} {i.Summary}")));
        var conservation = Of(report, "I2").Figures;
        // Credits: CB01 25 (reversed), CB02 20, river CB04 20, elder PV01 5, Meihua CB02 20, two patrol shifts 30 each.
        conservation["issued"].ShouldBe(25 + 20 + 20 + 5 + 20 + 30 + 30);
        conservation["reversed"].ShouldBe(25);
        conservation["adjusted"].ShouldBe(-5);
        (conservation["available"] + conservation["held"] + conservation["in_chests"] + conservation["spent"])
            .ShouldBe(conservation["issued"] - conservation["reversed"] + conservation["adjusted"]);
        conservation["communities"].ShouldBe(2);
        Of(report, "I3").Figures["records_credited"].ShouldBe(7);
        Of(report, "I5").Figures["verified_records"].ShouldBe(7);
        // Documents of asynchronous projections the daemon has not caught up with yet are left out, not failed.
        (Of(report, "I6").Figures["documents_checked"] + Of(report, "I6").Figures["pending_async"])
            .ShouldBe(Of(report, "I6").Figures["documents"]);
        Of(report, "I8").Figures["events"].ShouldBe(await EventCount());
    }

    [Fact]
    public async Task a_balance_edited_in_the_table_breaks_the_balance_invariants()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        await Sql($"update \"{App.Schema}\".mt_doc_volunteerbalance set data = jsonb_set(data, '{{available}}', '-3') where id = @a",
            Seeded.ZhangXiaomei);

        var report = await Check();

        report.AllHold.ShouldBeFalse();
        Of(report, "I1").Holds.ShouldBeFalse();
        Of(report, "I1").Figures["lowest_balance"].ShouldBe(-3);
        Of(report, "I2").Figures["available"].ShouldBe(-3);
        Of(report, "I2").Figures["communities_out_of_balance"].ShouldBe(1);
        Of(report, "I6").Figures["mismatches"].ShouldBe(1, Of(report, "I6").Summary);
        Of(report, "I3").Holds.ShouldBeTrue();
    }

    [Fact]
    public async Task a_credit_copied_or_deleted_in_the_event_table_breaks_the_ledger_invariants()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        var credit = await EventOf(Seeded.ZhangXiaomei, "points_credited");
        await InsertCopyOf(credit);

        var copied = await Check();
        Of(copied, "I3").Figures["credited_twice"].ShouldBe(1);
        Of(copied, "I5").Figures["unmatched_credits"].ShouldBe(1);
        Of(copied, "I2").Figures["running_total_breaks"].ShouldBe(1);

        await Sql($"delete from {Events} where id = @a", credit);
        var deleted = await Check();
        Of(deleted, "I8").Holds.ShouldBeFalse();
        Of(deleted, "I8").Figures["version_gaps"].ShouldBeGreaterThan(0);
        Of(deleted, "I8").Figures["chained_events_missing"].ShouldBe(1);
    }
}
