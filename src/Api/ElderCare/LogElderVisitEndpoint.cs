using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ElderCare;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

/// <param name="Minutes">How long the visit took, 1 to 600.</param>
/// <param name="Wellbeing">ok, needs_help or emergency; the last two raise an alert for the office.</param>
public sealed record LogElderVisitRequest(
    Guid VolunteerId,
    LocalDate VisitDate,
    int Minutes,
    Wellbeing Wellbeing,
    string? Note = null);

public static class LogElderVisitEndpoint
{
    /// <summary>
    /// A paired helper logs a visit. The first visit of the day by a helper is credited at once under PV01; the
    /// answer says what it earned, and why when it earned nothing (already_credited_today, weekly_cap_reached).
    /// </summary>
    [WolverinePost("/api/elders/{elderId}/visits")]
    public static async Task<IResult> Post(string elderId, LogElderVisitRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var outcome = await LogElderVisitHandler.Handle(
            new LogElderVisit(Ids.FromRoute(elderId, "elder"), Guid.CreateVersion7(), request.VolunteerId,
                request.VisitDate, request.Minutes, request.Note, request.Wellbeing, Actor.Of(context)),
            session, clock, ct);
        return Results.Created($"/api/elders/{outcome.Logged.ElderId}/coverage", outcome.Logged);
    }
}
