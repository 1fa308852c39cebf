using System.Net;
using NodaTime;
using QunTuan.Api.Activities;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Activities;
using QunTuan.Projections.Activities;

namespace QunTuan.Api.Tests.Activities;

public sealed class when_a_point_rule_changes(AppFixture fixture) : Scenarios(fixture)
{
    private static readonly LocalDate ChangeDate = new(2026, 11, 16);

    private Task<HttpResponseMessage> PublishCb02(int points, LocalDate effectiveFrom) =>
        Post("/api/activities/CB02/rules", new PublishPointRuleRequest(effectiveFrom,
            new PointRule(PointRuleKind.PerOccasion, points, 120), "冬季加分 / winter bonus"), user: TestUsers.Admin());

    [Fact]
    public async Task services_are_valued_by_the_version_in_force_on_their_service_date()
    {
        (await PublishCb02(30, ChangeDate)).ShouldBe(HttpStatusCode.Created);

        var before = await Credit(Seeded.ZhangXiaomei, "CB02", ChangeDate.PlusDays(-1));
        var onTheDay = await Credit(Seeded.ZhangXiaomei, "CB02", ChangeDate);

        before.Points.ShouldBe(20);
        before.RuleId.ShouldBe("CB02.v1");
        onTheDay.Points.ShouldBe(30);
        onTheDay.RuleId.ShouldBe("CB02.v2");
        onTheDay.RuleVersion.ShouldBe(2);
    }

    [Fact]
    public async Task points_already_awarded_keep_the_rule_that_produced_them()
    {
        var credited = await Credit(Seeded.ZhangXiaomei, "CB02", Today.PlusDays(-3));
        credited.Points.ShouldBe(20);

        // The new version reaches back before that service date, but awarded points are fixed.
        (await PublishCb02(30, Today.PlusDays(-10))).ShouldBe(HttpStatusCode.Created);

        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(20);
        var statement = await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement");
        statement.Movements.Items.ShouldHaveSingleItem().RuleVersion.ShouldBe(1);

        // A record of the same date verified now is valued by the new version.
        (await Credit(Seeded.LiJianguo, "CB02", Today.PlusDays(-3))).Points.ShouldBe(30);
    }

    [Fact]
    public async Task a_pending_record_is_valued_at_verification_by_the_rule_for_its_date()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today.PlusDays(-1));
        (await PublishCb02(25, Today.PlusDays(-2))).ShouldBe(HttpStatusCode.Created);

        (await Verify(recordId)).Points.ShouldBe(25);
    }

    [Fact]
    public async Task the_catalog_shows_the_rule_in_force_today_and_the_history()
    {
        (await PublishCb02(30, Today.PlusDays(7))).ShouldBe(HttpStatusCode.Created);

        var catalog = await Get<ActivityCatalog>("/api/activities");
        var cb02 = catalog.Categories.Single(c => c.Code == "CB").Activities.Single(a => a.Code == "CB02");
        cb02.CurrentRule!.Version.ShouldBe(1); // v2 starts next week

        var history = await Get<ActivityView>("/api/activities/CB02");
        history.Rules.Select(r => (r.Version, r.Rule.Points)).ShouldBe([(1, 20), (2, 30)]);
        history.Rules[1].PublishedBy.ShouldBe("admin-zhou");
    }
}
