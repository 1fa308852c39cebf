using QunTuan.Api.Participation;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Participation;

public sealed class when_participation_is_counted(AppFixture fixture) : Scenarios(fixture)
{
    private Task<ParticipationReport> Report(string period, string? by = null) =>
        Get<ParticipationReport>($"/api/communities/lanhua/participation?period={period}&fresh=true" +
                                 (by is null ? "" : $"&by={by}"));

    [Fact]
    public async Task a_resident_counts_once_however_many_services()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today.PlusDays(-2));
        await Credit(Seeded.ZhangXiaomei, "CB03", Today.PlusDays(-1));
        await Credit(Seeded.LiJianguo, "CB02", Today.PlusDays(-2));

        var report = await Report("2026-11");

        report.Participants.ShouldBe(2);
        report.PersonTimes.ShouldBe(3);
        report.Sessions.ShouldBe(2); // CB02 on one day is one session with two people; CB03 another
        report.PointsIssued.ShouldBe(60);
        report.ServiceMinutes.ShouldBe(360);
        report.ParticipationRatePercent.ShouldBe(0.0m); // 2 of 16,936
    }

    [Fact]
    public async Task a_resident_counts_once_under_each_organization_they_belong_to()
    {
        // 张晓梅: union member and Women's Federation; 李建国: Party member; volunteer 3: Women's Federation.
        await Credit(Seeded.ZhangXiaomei, "CB02", Today.PlusDays(-2));
        await Credit(Seeded.ZhangXiaomei, "CB03", Today.PlusDays(-1));
        await Credit(Seeded.LiJianguo, "CB02", Today.PlusDays(-2));
        await Credit(Seeded.Volunteer(3), "CB02", Today.PlusDays(-2));

        var report = await Report("2026-11", "affiliation");

        report.Participants.ShouldBe(3);
        report.Breakdown.Select(l => (l.Key, l.NameZh, l.Participants, l.PersonTimes, l.PointsIssued)).ShouldBe(
        [
            ("PartyMember", "党员", 1L, 1L, 20L),
            ("UnionMember", "工会会员", 1L, 2L, 40L),
            ("WomensFederation", "妇联", 2L, 3L, 60L)
        ], ignoreOrder: true);
    }
}
