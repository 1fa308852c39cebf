using QunTuan.Api.Infrastructure;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

public static class StartReplayEndpoint
{
    /// <summary>
    /// Rebuilds every projection from the full event history in a shadow schema and compares every document with
    /// the live one. Answers at once (202) with the report to follow at its location; one replay runs at a time.
    /// </summary>
    [WolverinePost("/api/audit/replays")]
    public static async Task<IResult> Post(HttpContext context, ReplayRunner runner)
    {
        var report = await runner.StartAsync(Actor.Of(context));
        return Results.Accepted($"/api/audit/replays/{report.Id}", report);
    }
}
