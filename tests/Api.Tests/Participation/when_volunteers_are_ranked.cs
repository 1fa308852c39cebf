using System.Net;
using QunTuan.Api.Rankings;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Participation;

public sealed class when_volunteers_are_ranked(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task the_quarter_leaderboard_orders_by_points_then_minutes_and_ties_share_a_rank()
    {
        var (zhang, li, wang, chen) = (Seeded.Volunteer(1), Seeded.Volunteer(2), Seeded.Volunteer(3), Seeded.Volunteer(4));
        await Credit(zhang, "CB02", Today);                          // 20 points, 120 minutes
        await Credit(li, "CB01", Today, durationMinutes: 120);       // 20 points, 120 minutes
        await Credit(wang, "PV05", Today);                           // 30 points, 120 minutes
        await Credit(chen, "CB06", Today, durationMinutes: 125);     // 20 points, 125 minutes

        var ranking = await Get<VolunteerRanking>("/api/rankings/volunteers?community=lanhua&period=2026-Q4&fresh=true");

        ranking.Entries.Select(e => (e.Rank, e.VolunteerId)).Take(2).ShouldBe([(1, wang), (2, chen)]);
        ranking.Entries.Skip(2).Select(e => e.Rank).ShouldBe([3, 3]); // 张 and 李: same points, same minutes
        ranking.Entries.Skip(2).Select(e => e.VolunteerId).ShouldBe([zhang, li], ignoreOrder: true);
        ranking.Entries[0].DisplayName.ShouldBe("王秀英");
        (await Get<VolunteerRanking>("/api/rankings/volunteers?community=lanhua&period=2026-Q3&fresh=true"))
            .Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_reversed_record_no_longer_counts()
    {
        var credit = await Credit(Seeded.ZhangXiaomei, "PV05", Today);
        (await Post($"/api/service-records/{credit.RecordId}/reversal",
            new QunTuan.Api.ServiceRecords.ReverseServiceRecordRequest(CorrectionReason.Duplicate, "重复 / duplicate")))
            .ShouldBe(HttpStatusCode.OK);

        (await Get<VolunteerRanking>("/api/rankings/volunteers?community=lanhua&period=2026&fresh=true"))
            .Entries.ShouldBeEmpty();
        (await Get<QunTuan.Api.Participation.ParticipationReport>(
            "/api/communities/lanhua/participation?period=2026&fresh=true")).Participants.ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 0, "未评星")]
    [InlineData(99 * 60 + 59, 0, "未评星")]
    [InlineData(100 * 60, 1, "一星志愿者")]
    [InlineData(300 * 60, 2, "二星志愿者")]
    [InlineData(600 * 60, 3, "三星志愿者")]
    [InlineData(1_000 * 60, 4, "四星志愿者")]
    [InlineData(1_500 * 60, 5, "五星志愿者")]
    [InlineData(9_999 * 60, 5, "五星志愿者")]
    public void stars_follow_lifetime_hours(long minutes, int stars, string name)
    {
        var level = StarLevel.ForMinutes(minutes);

        level.Stars.ShouldBe(stars);
        level.NameZh.ShouldBe(name);
        level.NextAtHours.ShouldBe(stars < 5 ? StarLevel.Thresholds[stars] : null);
    }

    [Fact]
    public async Task stars_come_from_service_hours_and_spending_points_never_takes_them_away()
    {
        // 100 hours of patrols: ten 10-hour records (the per-hour rule allows up to 24 hours a record).
        for (var day = 1; day <= 10; day++)
            await Credit(Seeded.LiJianguo, "CB01", Today.PlusDays(-day), durationMinutes: 600);
        (await Post($"/api/volunteers/{Seeded.LiJianguo}/adjustments",
            new AdjustPointsRequest(-1000, CorrectionReason.EntryError, "扣减 / debit"))).ShouldBe(HttpStatusCode.Created);

        var entry = (await Get<VolunteerRanking>("/api/rankings/volunteers?community=lanhua&period=2026&fresh=true"))
            .Entries.Single(e => e.VolunteerId == Seeded.LiJianguo);

        entry.Stars.Stars.ShouldBe(1);
        entry.Stars.LifetimeHours.ShouldBe(100);
        (await Balance(Seeded.LiJianguo)).Available.ShouldBe(0);
    }

    [Fact]
    public async Task communities_rank_by_participation_rate()
    {
        var meihuaVolunteer = await ForeignCommunityWithVolunteer(); // 梅花社区: 5,000 residents
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);           // 兰花社区: 1 of 16,936
        (await Post("/api/service-records", new QunTuan.Api.ServiceRecords.SubmitServiceRecordRequest(meihuaVolunteer,
            "CB02", Today, VerifyNow: true), user: TestUsers.Admin())).ShouldBe(HttpStatusCode.Created);

        var ranking = await Get<CommunityRanking>("/api/rankings/communities?period=2026-Q4&fresh=true");

        ranking.Entries.Select(e => (e.Rank, e.Code)).ShouldBe([(1, "meihua"), (2, "lanhua")]);
        ranking.Entries[0].Participants.ShouldBe(1);
    }
}
