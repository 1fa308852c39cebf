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
}
