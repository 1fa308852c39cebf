using System.Net;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Statements;

namespace QunTuan.Api.Tests.Corrections;

public sealed class when_office_staff_correct_an_account(AppFixture fixture) : Scenarios(fixture)
{
    private Task<HttpResponseMessage> Reverse(Guid recordId, CorrectionReason reason = CorrectionReason.Duplicate) =>
        Post($"/api/service-records/{recordId}/reversal",
            new ReverseServiceRecordRequest(reason, "同一次巡防登记了两次 / logged twice"), actor: "clerk-zhao");

    private Task<HttpResponseMessage> Adjust(int points, CorrectionReason reason = CorrectionReason.EntryError) =>
        Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments",
            new AdjustPointsRequest(points, reason, "核对纸质台账 / checked against the paper log"));

    [Fact]
    public async Task a_reversal_takes_back_points_and_minutes_by_a_new_event()
    {
        var credit = await Credit(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 150);

        var response = await Reverse(credit.RecordId);

        response.ShouldBe(HttpStatusCode.OK);
        var balance = await Balance(Seeded.ZhangXiaomei);
        balance.Available.ShouldBe(0);
        balance.LifetimeEarned.ShouldBe(0);
        balance.LifetimeServiceMinutes.ShouldBe(0);

        var lines = (await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement")).Movements.Items;
        lines.Select(l => (l.Kind, l.Points, l.BalanceAfter))
            .ShouldBe([(MovementKind.Reversal, -25, 0), (MovementKind.Credit, 25, 25)]);
        lines[0].Reason.ShouldBe(nameof(CorrectionReason.Duplicate));
        lines[0].Actor.ShouldBe("clerk-zhao");
        lines[0].RecordId.ShouldBe(credit.RecordId);

        var record = await Get<ServiceRecordView>($"/api/service-records/{credit.RecordId}");
        record.Status.ShouldBe(ServiceRecordStatus.Reversed);
        record.Points.ShouldBe(25); // what was credited stays visible
        record.ReversedBy.ShouldBe("clerk-zhao");
    }

    [Fact]
    public async Task a_record_is_reversed_at_most_once()
    {
        var credit = await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        (await Reverse(credit.RecordId)).ShouldBe(HttpStatusCode.OK);
        var before = await EventCount();

        await (await Reverse(credit.RecordId)).ShouldBeProblem(409, "record_already_reversed");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_reversal_that_would_make_the_balance_negative_is_refused()
    {
        var credit = await Credit(Seeded.ZhangXiaomei, "CB02", Today); // 20 points
        (await Adjust(-15)).ShouldBe(HttpStatusCode.Created);       // 5 left
        var before = await EventCount();

        var response = await Reverse(credit.RecordId, CorrectionReason.Fraud);

        await response.ShouldBeProblem(409, "insufficient_balance");
        (await EventCount()).ShouldBe(before);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(5);
        (await Get<ServiceRecordView>($"/api/service-records/{credit.RecordId}")).Status
            .ShouldBe(ServiceRecordStatus.Credited);
    }

    [Fact]
    public async Task adjustments_move_the_balance_both_ways_with_reason_and_actor()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today); // 20

        (await Adjust(10, CorrectionReason.Goodwill)).ShouldBe(HttpStatusCode.Created);
        (await Adjust(-25)).ShouldBe(HttpStatusCode.Created);

        var balance = await Balance(Seeded.ZhangXiaomei);
        balance.Available.ShouldBe(5);
        balance.LifetimeEarned.ShouldBe(5);
        balance.LifetimeServiceMinutes.ShouldBe(120); // adjustments move points, never service time

        var lines = (await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement")).Movements.Items;
        lines.Select(l => (l.Kind, l.Points, l.BalanceAfter, l.Reason)).ShouldBe([
            (MovementKind.Adjustment, -25, 5, "EntryError"),
            (MovementKind.Adjustment, 10, 30, "Goodwill"),
            (MovementKind.Credit, 20, 20, null)
        ]);
        lines.ShouldAllBe(l => l.Actor == "clerk-li");
    }

    [Fact]
    public async Task an_adjustment_below_zero_is_refused_with_409()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today); // 20
        var before = await EventCount();

        var problem = await (await Adjust(-21)).ShouldBeProblem(409, "insufficient_balance", "points");

        problem["detail"]!.GetValue<string>().ShouldContain("20");
        (await EventCount()).ShouldBe(before);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(20);
    }

    [Fact]
    public async Task an_adjustment_id_chosen_by_the_client_is_used_once()
    {
        var adjustmentId = Guid.NewGuid();
        var body = new AdjustPointsRequest(10, QunTuan.Ledger.Volunteers.CorrectionReason.Goodwill, "台风天坚持巡防",
            adjustmentId);
        (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments", body)).ShouldBe(HttpStatusCode.Created);
        var before = await EventCount();

        // Sent again without an Idempotency-Key (a double click): refused, not a second 10 points.
        await (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments", body))
            .ShouldBeProblem(409, "adjustment_exists", "adjustmentId");
        (await EventCount()).ShouldBe(before);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(10);
    }

    [Fact]
    public async Task a_rejected_record_is_never_credited()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB03", Today);

        var rejected = await Post($"/api/service-records/{recordId}/reject",
            new RejectServiceRecordRequest("当天无活动记录 / no activity that day"), actor: "clerk-zhao");

        rejected.ShouldBe(HttpStatusCode.OK);
        var record = await Get<ServiceRecordView>($"/api/service-records/{recordId}");
        record.Status.ShouldBe(ServiceRecordStatus.Rejected);
        record.RejectionReason.ShouldBe("当天无活动记录 / no activity that day");
        record.RejectedBy.ShouldBe("clerk-zhao");
        await (await Post($"/api/service-records/{recordId}/verify")).ShouldBeProblem(409, "record_rejected");
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(0);
        (await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement")).Movements.TotalCount.ShouldBe(0);
    }
}
