using System.Net;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Statements;

namespace QunTuan.Api.Tests.ServiceRecords;

public sealed class when_a_service_is_recorded_and_verified(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task the_record_waits_in_the_office_queue_until_verified()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB01", Today.PlusDays(-3), durationMinutes: 150);

        var record = await Get<ServiceRecordView>($"/api/service-records/{recordId}");
        record.Status.ShouldBe(ServiceRecordStatus.Pending);
        record.CommunityId.ShouldBe(Seeded.Lanhua);
        record.Points.ShouldBeNull();

        var queue = await Get<ResultPage<QueuedServiceRecord>>("/api/communities/lanhua/service-records?status=pending");
        queue.TotalCount.ShouldBe(1);
        queue.Items[0].Record.Id.ShouldBe(recordId);
        queue.Items[0].VolunteerName.ShouldBe("张晓梅");
        queue.Items[0].ActivityNameZh.ShouldBe("平安巡防");

        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(0);
    }

    [Fact]
    public async Task verification_credits_points_by_the_rule_and_shows_on_balance_and_statement()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB01", Today.PlusDays(-3), durationMinutes: 150);

        var result = await Verify(recordId, actor: "clerk-wang");

        // CB01 is 10 points an hour: 150 minutes is 25 whole points.
        result.Points.ShouldBe(25);
        result.Minutes.ShouldBe(150);
        result.RuleId.ShouldBe("CB01.v1");
        result.BalanceAfter.ShouldBe(25);

        var balance = await Balance(Seeded.ZhangXiaomei);
        balance.Available.ShouldBe(25);
        balance.LifetimeEarned.ShouldBe(25);
        balance.LifetimeServiceMinutes.ShouldBe(150);
        balance.Held.ShouldBe(0);
        balance.LifetimeRedeemed.ShouldBe(0);

        var statement = await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement");
        var line = statement.Movements.Items.ShouldHaveSingleItem();
        line.Kind.ShouldBe(MovementKind.Credit);
        line.Points.ShouldBe(25);
        line.BalanceAfter.ShouldBe(25);
        line.ServiceDate.ShouldBe(Today.PlusDays(-3));
        line.ActivityNameZh.ShouldBe("平安巡防");
        line.RuleId.ShouldBe("CB01.v1");
        line.RuleVersion.ShouldBe(1);
        line.Actor.ShouldBe("clerk-wang");
        line.RecordId.ShouldBe(recordId);

        var record = await Get<ServiceRecordView>($"/api/service-records/{recordId}");
        record.Status.ShouldBe(ServiceRecordStatus.Credited);
        record.VerifiedBy.ShouldBe("clerk-wang");
        (await Get<ResultPage<QueuedServiceRecord>>("/api/communities/lanhua/service-records")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task office_staff_can_log_and_verify_in_one_request()
    {
        var response = await Post("/api/service-records",
            new SubmitServiceRecordRequest(Seeded.LiJianguo, "CB08", Today, Occasions: 2, VerifyNow: true));

        response.ShouldBe(HttpStatusCode.Created);
        var accepted = await Read<ServiceRecordAccepted>(response);
        accepted.Status.ShouldBe(ServiceRecordStatus.Credited);
        accepted.Verification!.Points.ShouldBe(80); // CB08: 40 a case, two cases
        (await Balance(Seeded.LiJianguo)).Available.ShouldBe(80);
    }

    [Fact]
    public async Task a_verified_record_cannot_be_verified_again()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today);
        await Verify(recordId);
        var before = await EventCount();

        var again = await Post($"/api/service-records/{recordId}/verify");

        await again.ShouldBeProblem(409, "record_already_verified");
        (await EventCount()).ShouldBe(before);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(20);
    }
}
