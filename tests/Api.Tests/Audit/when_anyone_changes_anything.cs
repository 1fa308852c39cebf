using Marten;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Audit;

public sealed class when_anyone_changes_anything(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task every_event_names_the_user_and_the_request_that_caused_it()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today);
        await Verify(recordId, actor: "clerk-wang");

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(recordId);
        events.Count.ShouldBe(2);

        var (submitted, verified) = (events[0], events[1]);
        submitted.UserName.ShouldBe("clerk-li");
        verified.UserName.ShouldBe("clerk-wang");
        verified.GetHeader("user-id")!.ToString().ShouldBe(TestUsers.Office("clerk-wang").Id.ToString());
        verified.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        verified.CorrelationId.ShouldNotBe(submitted.CorrelationId);

        // The credit on the account is the same request as the verification.
        var credit = (await session.Events.FetchStreamAsync(Seeded.ZhangXiaomei)).Last();
        credit.CorrelationId.ShouldBe(verified.CorrelationId);
        credit.UserName.ShouldBe("clerk-wang");
    }
}
