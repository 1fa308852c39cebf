using System.Net;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

public sealed class when_an_elder_is_registered(AppFixture fixture) : ElderScenarios(fixture)
{
    [Fact]
    public async Task the_elder_joins_the_community_with_an_age_band_and_no_helpers_yet()
    {
        var response = await Post("/api/communities/lanhua/elders",
            new RegisterElderRequest(" 孔阿婆 ", AgeBand.Aged90Plus, "第3网格"));

        response.ShouldBe(HttpStatusCode.Created);
        var body = await ReadObject(response);
        body["ageBand"]!.GetValue<string>().ShouldBe("90_plus");
        var elderId = body["elderId"]!.GetValue<Guid>();
        response.Headers.Location!.ToString().ShouldBe($"/api/elders/{elderId}");

        var details = await Get<ElderDetails>($"/api/elders/{elderId}");
        details.Elder.DisplayName.ShouldBe("孔阿婆");
        details.Elder.CommunityId.ShouldBe(Seeded.Lanhua);
        details.Elder.AgeBand.ShouldBe(AgeBand.Aged90Plus);
        details.Elder.Grid.ShouldBe("第3网格");
        details.Elder.RegisteredBy.ShouldBe("clerk-li");
        details.Elder.Helpers.ShouldBeEmpty();
        details.Elder.PairingHistory.ShouldBeEmpty();

        var grid3 = await Get<ResultPage<ElderView>>("/api/communities/lanhua/elders?grid=第3网格&pageSize=100");
        grid3.Items.Select(e => e.Id).ShouldContain(elderId);
        grid3.TotalCount.ShouldBe(6); // five seeded, and this one
    }

    [Fact]
    public async Task a_never_visited_elder_is_not_overdue_on_the_day_of_registration()
    {
        var response = await Post("/api/communities/lanhua/elders",
            new RegisterElderRequest("孔阿婆", AgeBand.Aged80To89, "第3网格"));
        var elderId = (await ReadObject(response))["elderId"]!.GetValue<Guid>();

        var coverage = await Coverage(elderId);

        coverage.LastVisitDate.ShouldBeNull();
        coverage.DaysSinceLastVisit.ShouldBeNull();
        coverage.DaysUnvisited.ShouldBe(0);
        coverage.VisitsThisWeek.ShouldBe(0);
        coverage.ActiveHelpers.ShouldBeEmpty();
        (await Overdue(days: 1)).Select(e => e.ElderId).ShouldNotContain(elderId);
    }

    [Fact]
    public async Task a_retried_registration_with_the_same_id_is_a_conflict_and_writes_nothing()
    {
        var elderId = Guid.CreateVersion7();
        (await Post("/api/communities/lanhua/elders",
            new RegisterElderRequest("孔阿婆", AgeBand.Aged70To79, "第3网格", elderId))).ShouldBe(HttpStatusCode.Created);
        var before = await EventCount();

        await (await Post("/api/communities/lanhua/elders",
                new RegisterElderRequest("孔阿婆", AgeBand.Aged70To79, "第3网格", elderId)))
            .ShouldBeProblem(409, "elder_exists", "elderId");
        (await EventCount()).ShouldBe(before);
    }
}
