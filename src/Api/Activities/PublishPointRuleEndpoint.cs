using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Activities;
using Wolverine.Http;

namespace QunTuan.Api.Activities;

public sealed record PublishPointRuleRequest(LocalDate EffectiveFrom, PointRule Rule, string Reason);

public static class PublishPointRuleEndpoint
{
    /// <summary>Publishes a new rule version; services dated before <c>effectiveFrom</c> keep the old value.</summary>
    [WolverinePost("/api/activities/{code}/rules")]
    public static async Task<IResult> Post(string code, PublishPointRuleRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var published = await PublishPointRuleHandler.Handle(
            new PublishPointRule(code, request.EffectiveFrom, request.Rule, request.Reason, Actor.Of(context)),
            session, clock, ct);
        return Results.Created($"/api/activities/{published.Code}", published);
    }
}
