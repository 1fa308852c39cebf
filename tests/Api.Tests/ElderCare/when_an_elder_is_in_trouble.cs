using System.Net;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>A visit that finds the elder in need raises an alert the office sees, works and closes.</summary>
public sealed class when_an_elder_is_in_trouble(AppFixture fixture) : ElderScenarios(fixture)
{
    private const string Alerts = "/api/communities/lanhua/elder-alerts";

    [Fact]
    public async Task an_emergency_visit_raises_an_alert_the_office_sees_and_acknowledges()
    {
        var visit = await Visited(Seeded.Elder(2), GridMember1, wellbeing: Wellbeing.Emergency,
            note: "老人摔倒在楼道，已叫 120");

        visit.AlertId.ShouldNotBeNull();
        visit.Points.ShouldBe(5); // the visit is still a visit
        var open = await Get<ResultPage<OpenElderAlert>>(Alerts);
        var alert = open.Items.ShouldHaveSingleItem();
        alert.Alert.Id.ShouldBe(visit.AlertId!.Value);
        alert.Alert.Severity.ShouldBe(AlertSeverity.Emergency);
        alert.Alert.ElderId.ShouldBe(Seeded.Elder(2));
        alert.Alert.VisitNote.ShouldBe("老人摔倒在楼道，已叫 120");
        alert.Alert.RaisedBy.ShouldBe("clerk-li");
        alert.ElderName.ShouldBe("吴阿土");
        alert.VolunteerName.ShouldBe("张晓梅");

        App.Clock.Advance(NodaTime.Duration.FromMinutes(40));
        var response = await Post($"/api/elder-alerts/{visit.AlertId}/acknowledge",
            new AcknowledgeElderAlertRequest("已联系家属，送医检查"), actor: "office-zhou");
        response.ShouldBe(HttpStatusCode.OK);
        var acknowledged = await Read<ElderAlertAcknowledged>(response);
        acknowledged.AcknowledgedBy.ShouldBe("office-zhou");
        acknowledged.AcknowledgedAt.ShouldBe(App.Clock.GetCurrentInstant());
        acknowledged.Note.ShouldBe("已联系家属，送医检查");

        (await Get<ResultPage<OpenElderAlert>>(Alerts)).Items.ShouldBeEmpty();
        await using var session = Store.QuerySession();
        var closed = await session.LoadAsync<ElderAlertView>(visit.AlertId!.Value);
        closed!.Open.ShouldBeFalse();
        closed.AcknowledgedBy.ShouldBe("office-zhou");
        closed.AcknowledgementNote.ShouldBe("已联系家属，送医检查");
    }

    [Fact]
    public async Task open_alerts_list_the_most_severe_first_then_the_oldest()
    {
        var needsHelpFirst = await Visited(Seeded.Elder(1), GridLeader1, wellbeing: Wellbeing.NeedsHelp,
            note: "水管漏水");
        App.Clock.Advance(NodaTime.Duration.FromHours(1));
        var emergency = await Visited(Seeded.Elder(3), GridLeader1, wellbeing: Wellbeing.Emergency);
        App.Clock.Advance(NodaTime.Duration.FromHours(1));
        var needsHelpLater = await Visited(Seeded.Elder(6), await HelperOf(6), wellbeing: Wellbeing.NeedsHelp);
        var fine = await Visited(Seeded.Elder(2), GridLeader1);

        fine.AlertId.ShouldBeNull();
        var open = await Get<ResultPage<OpenElderAlert>>(Alerts);
        open.Items.Select(a => a.Alert.Id).ShouldBe([
            emergency.AlertId!.Value, needsHelpFirst.AlertId!.Value, needsHelpLater.AlertId!.Value
        ]);
        open.Items.Select(a => a.Alert.Severity).ShouldBe([
            AlertSeverity.Emergency, AlertSeverity.NeedsHelp, AlertSeverity.NeedsHelp
        ]);
    }

    [Fact]
    public async Task an_alert_is_acknowledged_once()
    {
        var visit = await Visited(Seeded.Elder(1), GridLeader1, wellbeing: Wellbeing.NeedsHelp);
        (await Post($"/api/elder-alerts/{visit.AlertId}/acknowledge", new AcknowledgeElderAlertRequest("已上门处理")))
            .ShouldBe(HttpStatusCode.OK);
        var before = await EventCount();

        await (await Post($"/api/elder-alerts/{visit.AlertId}/acknowledge",
                new AcknowledgeElderAlertRequest("再次处理")))
            .ShouldBeProblem(409, "alert_already_acknowledged");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_second_visit_the_same_day_still_raises_its_alert()
    {
        await Visited(Seeded.Elder(1), GridLeader1);
        var later = await Visited(Seeded.Elder(1), GridLeader1, wellbeing: Wellbeing.Emergency);

        later.Reason.ShouldBe(VisitCreditReason.AlreadyCreditedToday);
        later.AlertId.ShouldNotBeNull();
        (await Get<ResultPage<OpenElderAlert>>(Alerts)).Items.ShouldHaveSingleItem();
    }

    private async Task<Guid> HelperOf(int elder) =>
        (await Get<ElderDetails>($"/api/elders/{Seeded.Elder(elder)}")).Elder.Helpers[0].VolunteerId;
}
