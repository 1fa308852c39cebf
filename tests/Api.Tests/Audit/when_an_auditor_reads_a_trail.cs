using System.Net;
using System.Text;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Audit;

/// <summary>The trail of a stream and of a community: every event in order, who did it, in which request; by period,
/// by type, paged, and as CSV for the auditor's own tools.</summary>
public sealed class when_an_auditor_reads_a_trail(AppFixture fixture) : AuditScenarios(fixture)
{
    private static readonly QunTuan.Api.Identity.UserAccount Auditor = TestUsers.Auditor("auditor-qian", Seeded.Lanhua);
    private static readonly Guid Zhang = Seeded.ZhangXiaomei;

    private async Task<Instant> Script()
    {
        App.Clock.Advance(Duration.FromHours(1));
        var started = App.Clock.GetCurrentInstant();
        await Verify(await SubmitRecord(Zhang, "CB01", Today, durationMinutes: 120), actor: "clerk-wang");
        App.Clock.Advance(Duration.FromHours(1));
        (await Post($"/api/volunteers/{Zhang}/adjustments",
            new AdjustPointsRequest(7, CorrectionReason.Goodwill, "台风天坚持巡防, \"加分\""))).ShouldBe(HttpStatusCode.Created);
        return started;
    }

    [Fact]
    public async Task a_streams_trail_shows_every_event_in_order_with_its_actor_and_request()
    {
        await Script();

        var trail = await GetAs<ResultPage<TrailEvent>>(Auditor, $"/api/audit/streams/{Zhang}/events");

        trail.TotalCount.ShouldBe(3);
        trail.Items.Select(e => (e.Version, e.Type, e.User)).ShouldBe(
            [(1L, "volunteer_registered", "seed"), (2L, "points_credited", "clerk-wang"), (3L, "points_adjusted", "clerk-li")]);
        var credit = trail.Items[1];
        credit.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        credit.UserId.ShouldBe(TestUsers.Office("clerk-wang").Id.ToString());
        credit.Data.GetProperty("points").GetInt32().ShouldBe(20);
        credit.Chain.ShouldBe(AuditChain.For(Seeded.Lanhua));
        credit.ChainPosition.ShouldNotBeNull();
        trail.Items[2].RecordedAt.ShouldBe(App.Clock.GetCurrentInstant());

        var credits = await GetAs<ResultPage<TrailEvent>>(Auditor,
            $"/api/audit/streams/{Zhang}/events?type=points_credited,points_adjusted&pageSize=1&page=2");
        credits.TotalCount.ShouldBe(2);
        credits.Items.Single().Type.ShouldBe("points_adjusted");
    }

    [Fact]
    public async Task a_communitys_trail_holds_every_event_of_the_period_across_its_streams()
    {
        var started = await Script();

        var period = await GetAs<ResultPage<TrailEvent>>(Auditor,
            $"/api/audit/communities/lanhua/events?from={started}&pageSize=100");

        // The record's submission and verification, the credit, then the adjustment; in the order they were written.
        period.Items.Select(e => e.Type).ShouldBe(
            ["service_record_submitted", "service_record_verified", "points_credited", "points_adjusted"]);
        period.Items.Select(e => e.Sequence).ShouldBeInOrder();
        period.Items.Select(e => e.ChainPosition).ShouldBeInOrder();

        var beforeIt = await GetAs<ResultPage<TrailEvent>>(Auditor, $"/api/audit/communities/lanhua/events?to={started}");
        beforeIt.TotalCount.ShouldBe(await ChainLength(AuditChain.For(Seeded.Lanhua)) - 4);
        beforeIt.Items.ShouldAllBe(e => e.RecordedAt < started);
    }

    [Fact]
    public async Task a_trail_exports_as_csv_with_a_byte_order_mark()
    {
        await Script();

        using var client = App.ClientFor(Auditor);
        var response = await client.GetAsync($"/api/audit/streams/{Zhang}/events?format=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith("sequence,chain,chain_position,stream_id,version,type,recorded_at,user");
        lines[3].ShouldContain(",points_adjusted,");
        lines[3].ShouldContain("台风天坚持巡防");
        lines[3].ShouldEndWith("\"");  // the JSON cell is quoted, its quotes doubled
    }

    [Fact]
    public async Task catalog_streams_belong_to_no_community()
    {
        var cb01 = DeterministicId.ForActivity("CB01");

        await (await Send(HttpMethod.Get, $"/api/audit/streams/{cb01}/events", null, user: Auditor))
            .ShouldBeProblem(404, "stream_not_found");
        var trail = await GetAs<ResultPage<TrailEvent>>(TestUsers.Auditor("auditor-all"), $"/api/audit/streams/{cb01}/events");
        trail.Items[0].Type.ShouldBe("activity_defined");
        trail.Items[0].Chain.ShouldBe(AuditChain.Global);
    }

    private async Task<long> ChainLength(string chain) =>
        (long)(await Scalar($"select count(*) from \"{App.Schema}\".mt_audit_chain where chain = @a", chain))!;
}
