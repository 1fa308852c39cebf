using System.Net;
using NodaTime;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>Arrange and act steps of the 1+3 workflow, through the public API.</summary>
public abstract class ElderScenarios(AppFixture fixture) : Scenarios(fixture)
{
    // Seeded helpers of elders 1-3 (第1网格): 钱卫东 leads the grid, 张晓梅 is the grid member, 李建国 the Party member.
    protected static readonly Guid GridLeader1 = Seeded.Volunteer(13);
    protected static readonly Guid GridMember1 = Seeded.ZhangXiaomei;
    protected static readonly Guid PartyMember1 = Seeded.LiJianguo;

    /// <summary>Elders 4-5's grid leader, 冯玉兰: a volunteer of 第1网格 who is not paired with elders 1-3.</summary>
    protected static readonly Guid OtherGridLeader1 = Seeded.Volunteer(14);

    protected LocalDate TodayNow => QunTuan.Ledger.Shared.ShanghaiCalendar.Today(App.Clock.GetCurrentInstant());

    protected Task<HttpResponseMessage> Visit(Guid elderId, Guid volunteerId, LocalDate? date = null,
        int minutes = 20, Wellbeing wellbeing = Wellbeing.Ok, string? note = null) =>
        Post($"/api/elders/{elderId}/visits",
            new LogElderVisitRequest(volunteerId, date ?? TodayNow, minutes, wellbeing, note));

    protected async Task<ElderVisitLogged> Visited(Guid elderId, Guid volunteerId, LocalDate? date = null,
        int minutes = 20, Wellbeing wellbeing = Wellbeing.Ok, string? note = null)
    {
        var response = await Visit(elderId, volunteerId, date, minutes, wellbeing, note);
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<ElderVisitLogged>(response);
    }

    protected Task<HttpResponseMessage> PutHelpers(Guid elderId, params HelperAssignment[] helpers) =>
        Send(HttpMethod.Put, $"/api/elders/{elderId}/helpers",
            System.Text.Json.JsonSerializer.Serialize(new PairElderHelpersRequest(helpers), Json));

    protected async Task<HelpersPaired> Paired(Guid elderId, params HelperAssignment[] helpers)
    {
        var response = await PutHelpers(elderId, helpers);
        response.ShouldBe(HttpStatusCode.OK);
        return await Read<HelpersPaired>(response);
    }

    protected Task<ElderCoverageReport> Coverage(Guid elderId) =>
        Get<ElderCoverageReport>($"/api/elders/{elderId}/coverage");

    protected async Task<IReadOnlyList<OverdueElder>> Overdue(int? days = null)
    {
        var page = await Get<ResultPage<OverdueElder>>(
            $"/api/communities/lanhua/elders/overdue?pageSize=100{(days is null ? "" : $"&days={days}")}");
        page.TotalCount.ShouldBe(page.Items.Count);
        return page.Items;
    }

    protected void NextDay() => App.Clock.Advance(Duration.FromDays(1));
}
