using System.Net;
using NodaTime;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Statements;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// As of: a scripted week of one account, then its balance and statement asked at instants between the movements
/// and at stream versions, all folded from the events and checked against figures worked out by hand.
/// </summary>
public sealed class when_a_balance_is_asked_as_of_a_moment(AppFixture fixture) : AuditScenarios(fixture)
{
    private static readonly Guid Zhang = Seeded.ZhangXiaomei;
    private static readonly QunTuan.Api.Identity.UserAccount Auditor = TestUsers.Auditor("auditor-qian", Seeded.Lanhua);

    // Monday 23 November 2026 in Zhejiang (UTC+8); the seeds registered 张晓梅 at 10:00 (version 1).
    private static Instant At(int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, 11, day, hour, minute).InZoneStrictly(QunTuan.Ledger.Shared.ShanghaiCalendar.Zone).ToInstant();

    private async Task Script()
    {
        App.Clock.Reset(At(23, 11));
        var patrol = (await Credit(Zhang, "CB01", Today, durationMinutes: 120)).RecordId;  // v2: +20 → 20
        App.Clock.Reset(At(23, 12));
        await Credit(Zhang, "CB02", Today);                                               // v3: +20 → 40
        App.Clock.Reset(At(24, 12));
        (await Post($"/api/volunteers/{Zhang}/adjustments",
            new AdjustPointsRequest(-15, CorrectionReason.EntryError, "多记了一次劝导"))).ShouldBe(HttpStatusCode.Created);  // v4: → 25
        App.Clock.Reset(At(24, 14));
        (await Post($"/api/service-records/{patrol}/reversal",
            new ReverseServiceRecordRequest(CorrectionReason.Duplicate, "重复登记"))).ShouldBe(HttpStatusCode.OK);  // v5: −20 → 5
        App.Clock.Reset(At(25, 9));
        (await Post($"/api/volunteers/{Zhang}/adjustments",
            new AdjustPointsRequest(7, CorrectionReason.Goodwill, "台风天坚持巡防"))).ShouldBe(HttpStatusCode.Created);  // v6: → 12
    }

    private Task<BalanceAsOf> Balance(string query) =>
        GetAs<BalanceAsOf>(Auditor, $"/api/volunteers/{Zhang}/balance?{query}");

    [Fact]
    public async Task balances_at_instants_and_versions_match_the_hand_computed_figures()
    {
        await Script();

        var expected = new (string Query, int Available, long Version, int Earned)[]
        {
            ($"asOf={At(23, 10, 30)}", 0, 1, 0),     // registered, nothing earned
            ($"asOf={At(23, 11)}", 20, 2, 20),       // the credit recorded at exactly 11:00 counts
            ($"asOf={At(23, 11, 59)}", 20, 2, 20),
            ("asOf=2026-11-23", 40, 3, 40),          // a date means the end of that day in Zhejiang
            ($"asOf={At(24, 13)}", 25, 4, 25),       // the −15 correction lowers what was earned
            ($"asOf={At(24, 14)}", 5, 5, 5),         // the patrol reversed
            ("asOf=2026-11-30", 12, 6, 12),
            ("version=3", 40, 3, 40),
            ("version=5", 5, 5, 5),
        };
        foreach (var (query, available, version, earned) in expected)
        {
            var balance = await Balance(query);
            balance.Balance.Available.ShouldBe(available, query);
            balance.Balance.LifetimeEarned.ShouldBe(earned, query);
            balance.Version.ShouldBe(version, query);
        }

        // Today's live balance is where the history ends.
        var live = await GetAs<QunTuan.Projections.Volunteers.VolunteerBalance>(Auditor, $"/api/volunteers/{Zhang}/balance");
        live.Available.ShouldBe(12);
        (await Balance("version=2")).RecordedAt.ShouldBe(At(23, 11));
    }

    [Fact]
    public async Task the_statement_as_of_a_moment_lists_only_what_had_happened()
    {
        await Script();

        var statement = await GetAs<Statement>(Auditor, $"/api/volunteers/{Zhang}/statement?asOf={At(24, 13)}");

        statement.AsOfVersion.ShouldBe(4);
        statement.Balance.Available.ShouldBe(25);
        statement.Movements.TotalCount.ShouldBe(3);
        statement.Movements.Items.Select(m => (m.Version, m.Kind, m.Points, m.BalanceAfter)).ShouldBe(
        [
            (4L, MovementKind.Adjustment, -15, 25),
            (3L, MovementKind.Credit, 20, 40),
            (2L, MovementKind.Credit, 20, 20)
        ]);
        statement.Movements.Items[2].ActivityNameZh.ShouldBe("平安巡防");

        var byVersion = await GetAs<Statement>(Auditor, $"/api/volunteers/{Zhang}/statement?version=5&pageSize=1&page=2");
        byVersion.Movements.TotalCount.ShouldBe(4);
        byVersion.Movements.Items.Single().Version.ShouldBe(4);
    }

    [Fact]
    public async Task before_registration_there_was_no_account_and_versions_must_exist()
    {
        await Script();

        await (await Send(HttpMethod.Get, $"/api/volunteers/{Zhang}/balance?asOf={At(23, 9)}", null, user: Auditor))
            .ShouldBeProblem(404, "volunteer_not_found");
        await (await Send(HttpMethod.Get, $"/api/volunteers/{Zhang}/balance?version=7", null, user: Auditor))
            .ShouldBeProblem(422, "version_not_reached", "version");
    }
}
