using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using Wolverine;

namespace QunTuan.Api.Tests.Messaging;

/// <summary>The Ledger's handlers are Wolverine handlers too: the same path serves HTTP, seeds and messages.</summary>
public sealed class when_commands_arrive_as_messages(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task a_submitted_and_verified_record_credits_through_the_message_bus()
    {
        var bus = App.Services.GetRequiredService<IMessageBus>();
        var recordId = Guid.CreateVersion7();

        var submitted = await bus.InvokeAsync<RecordSubmitted>(new SubmitServiceRecord(recordId, Seeded.ZhangXiaomei,
            "CB04", new LocalDate(2026, 11, 21), 90, 1, "护河 / river patrol", false, "organizer-chen"));
        var credited = await bus.InvokeAsync<RecordCredited>(new VerifyServiceRecord(recordId, "clerk-li"));

        submitted.Submitted.CommunityId.ShouldBe(Seeded.Lanhua);
        credited.Credited.Points.ShouldBe(15); // CB04: 10 points an hour, 90 minutes
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(15);
    }

    [Fact]
    public async Task a_refused_command_surfaces_the_rule_and_writes_nothing()
    {
        var bus = App.Services.GetRequiredService<IMessageBus>();
        var before = await EventCount();

        var refused = await Should.ThrowAsync<LedgerRuleViolation>(() => bus.InvokeAsync<RecordCredited>(
            new VerifyServiceRecord(Guid.CreateVersion7(), "clerk-li")));

        refused.Code.ShouldBe("service_record_not_found");
        (await EventCount()).ShouldBe(before);
    }
}
