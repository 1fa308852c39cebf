using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Activities;
using Wolverine.Http;

namespace QunTuan.Api.Activities;

public sealed record DefineActivityRequest(
    string Code,
    string CategoryCode,
    string NameZh,
    string NameEn,
    string Unit,
    LocalDate RuleEffectiveFrom,
    PointRule Rule);

public static class DefineActivityEndpoint
{
    [WolverinePost("/api/activities")]
    public static async Task<IResult> Post(DefineActivityRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        await DefineActivityHandler.Handle(
            new DefineActivity(request.Code, request.CategoryCode, request.NameZh, request.NameEn, request.Unit, request.RuleEffectiveFrom, request.Rule, Actor.Of(context)),
            session, clock, ct);
        var code = request.Code.Trim().ToUpperInvariant();
        return Results.Created($"/api/activities/{code}", new { code, ruleVersion = 1 });
    }
}
