using System.Net;
using Npgsql;
using QunTuan.Api.Chest;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Redemptions;
using QunTuan.Projections.Audit;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// The invariants follow points beyond credits: into holds, onto redemptions and into the community chest, so the
/// auditor's sum still closes, and a chest receipt edited behind the ledger's back is caught.
/// </summary>
public sealed class when_redemptions_are_audited(AppFixture fixture) : RedemptionScenarios(fixture)
{
    // One test edits the event table with SQL on purpose; the other asserts every invariant itself.
    protected override bool LedgerMustStaySound => false;

    private Task<InvariantReport> Check() =>
        GetAs<InvariantReport>(TestUsers.Admin(), "/api/audit/invariants?sample=1000");

    private static IReadOnlyDictionary<string, long> Figures(InvariantReport report, string id) =>
        report.Invariants.Single(i => i.Id == id).Figures;

    private async Task History()
    {
        await Give(Seeded.ZhangXiaomei, 100);
        await Approved((await Requested(Seeded.ZhangXiaomei, SmallGift)).RedemptionId); // spent 10
        await Requested(Seeded.ZhangXiaomei, SmallGift);                                 // held 10
        (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/donations", new DonatePointsRequest(15),
            user: TestUsers.Volunteer(Seeded.ZhangXiaomei))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task spent_held_and_donated_points_close_the_sum()
    {
        await History();

        var report = await Check();

        report.AllHold.ShouldBeTrue(string.Join("\n", report.Invariants.Select(i => $"{i.Id} {i.Holds} {i.Summary}")));
        var books = Figures(report, "I2");
        (books["adjusted"], books["captured"], books["spent"], books["donated_or_expired"])
            .ShouldBe((100, 10, 10, 15));
        (books["available"], books["held"], books["in_chests"]).ShouldBe((65, 10, 15));
        var legs = Figures(report, "I5");
        (legs["transfers_to_chests"], legs["approved_redemptions"], legs["unmatched_transfers"]).ShouldBe((1, 1, 0));
    }

    [Fact]
    public async Task a_chest_receipt_edited_in_the_event_table_is_caught()
    {
        await History();
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var edit = new NpgsqlCommand($$"""
                update "{{App.Schema}}".mt_events set data = jsonb_set(data, '{points}', '50')
                where type = 'chest_donation_received'
                """, connection);
            (await edit.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var report = await Check();

        report.AllHold.ShouldBeFalse();
        Figures(report, "I5")["unmatched_transfers"].ShouldBe(1);
        Figures(report, "I2")["running_total_breaks"].ShouldBe(1);
    }
}
