using System.Text;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Participation;

public sealed class when_reports_are_exported(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task csv_opens_in_excel_with_chinese_intact()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        await Credit(Seeded.LiJianguo, "PV05", Today);

        var response = await Client.GetAsync("/api/communities/lanhua/participation.csv?period=2026-Q4&by=category&fresh=true");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("分组 Group,名称 Name,参与人数 Participants (人)");
        lines[1].ShouldBe("total,兰花社区 2026-Q4,2,0.0,2,2,240,50,0"); // nothing redeemed yet
        lines.Skip(2).ShouldBe(["CB,社区建设 Community building,1,0.0,1,1,120,20,", "PV,公益美德 Public welfare and virtue,1,0.0,1,1,120,30,"]);
    }

    [Fact]
    public async Task every_report_has_a_csv()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        foreach (var (url, header, firstRow) in new[]
                 {
                     ("/api/rankings/volunteers.csv?community=lanhua&period=2026&fresh=true", "名次 Rank,志愿者 Volunteer",
                         "1,张晓梅,第1网格,20,120,1,0"),
                     ("/api/rankings/communities.csv?period=2026&fresh=true", "名次 Rank,社区 Community",
                         "1,兰花社区,16936,1,0.0,1,20"),
                     ("/api/communities/lanhua/ratings.csv?period=2026&fresh=true", "队伍 Team,类型 Kind",
                         "兰花社区平安巡防队,Patrol,0,0,0,0,0,0,,否 no")
                 })
        {
            var response = await Client.GetAsync(url);
            response.IsSuccessStatusCode.ShouldBeTrue(url);
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            var lines = text.Split("\r\n");
            lines[0].ShouldStartWith("\uFEFF" + header, customMessage: url);
            lines[1].ShouldBe(firstRow, url);
        }
    }

    [Theory]
    [InlineData("month")]
    [InlineData("category")]
    public async Task charts_are_png_images(string chart)
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);

        var response = await Client.GetAsync($"/api/communities/lanhua/participation.png?period=2026&chart={chart}&fresh=true");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var png = await response.Content.ReadAsByteArrayAsync();
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        png.Length.ShouldBeGreaterThan(5_000);
    }
}
