using System.Net;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Audit;

namespace QunTuan.Api.Tests.Audit;

/// <summary>Every event is linked in the transaction that appends it: concurrent writers of one community queue for
/// its chain and never fork it, and a stream that names no community cannot be written at all.</summary>
public sealed class when_events_are_linked_into_chains(AppFixture fixture) : AuditScenarios(fixture)
{
    [Fact]
    public async Task concurrent_writers_of_one_community_extend_one_unbroken_chain()
    {
        for (var round = 0; round < 3; round++)
        {
            var credits = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Post("/api/service-records",
                new SubmitServiceRecordRequest(Seeded.Volunteer(n + 8 * round), "CB02", Today, VerifyNow: true),
                actor: $"clerk-{n}")));
            credits.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        }

        var result = await VerifyChain();

        result.Intact.ShouldBeTrue();
        result.LinkCount.ShouldBe(result.EventCount);
        var lanhua = result.Chains.Single(c => c.Chain == AuditChain.For(Seeded.Lanhua));
        lanhua.Length.ShouldBe((long)(await Scalar(
            $"select count(*) from \"{App.Schema}\".mt_audit_chain where chain = @a", lanhua.Chain))!);
    }

    [Fact]
    public async Task a_stream_that_names_no_community_is_refused_before_anything_is_written()
    {
        var before = await EventCount();
        await using var session = Store.LightweightSession();
        var id = Guid.NewGuid();
        session.Events.StartStream(id, new SomethingHappenedNowhere(id, App.Clock.GetCurrentInstant()));

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync());

        refused.Message.ShouldContain("names no communityId");
        (await EventCount()).ShouldBe(before);
    }
}

/// <summary>A kind of stream someone might add without a community: the chain must refuse it.</summary>
public sealed record SomethingHappenedNowhere(Guid Id, NodaTime.Instant HappenedAt);
