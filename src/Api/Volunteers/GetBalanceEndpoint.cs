using Marten;
using NodaTime;
using QunTuan.Api.Audit;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Audit;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

/// <summary>The balance as it stood at one point of the account's history: after stream version
/// <paramref name="Version"/>, whose event was recorded at <paramref name="RecordedAt"/>.</summary>
public sealed record BalanceAsOf(Guid VolunteerId, Instant? AsOf, long Version, Instant RecordedAt, VolunteerBalance Balance);

public static class GetBalanceEndpoint
{
    /// <summary>
    /// The live balance; with <c>asOf</c> (an instant or a Shanghai date, meaning the end of that day) or
    /// <c>version</c>, the balance folded from the account's events up to that point instead.
    /// </summary>
    [WolverineGet("/api/volunteers/{volunteerId}/balance")]
    public static async Task<IResult> Get(string volunteerId, string? asOf, string? version, IQuerySession session,
        CancellationToken ct)
    {
        var id = Ids.FromRoute(volunteerId, "volunteer");
        var point = AuditQuery.AsOf(asOf, version);
        if (point is null)
            return Results.Ok(await session.LoadAsync<VolunteerBalance>(id, ct)
                              ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId));

        var history = await AuditQuery.History(session, id, volunteerId, point.Value, ct);
        return Results.Ok(new BalanceAsOf(id, point.Value.At, history.Version, history.RecordedAt, history.Balance));
    }
}
