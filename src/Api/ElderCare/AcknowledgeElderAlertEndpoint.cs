using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ElderCare;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

/// <param name="Note">What the office did about it (required).</param>
public sealed record AcknowledgeElderAlertRequest(string Note);

public static class AcknowledgeElderAlertEndpoint
{
    /// <summary>Closes an open alert, recording who, when and what was done. A second acknowledgement is a 409.</summary>
    [WolverinePost("/api/elder-alerts/{alertId}/acknowledge")]
    public static async Task<ElderAlertAcknowledged> Post(string alertId, AcknowledgeElderAlertRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct) =>
        await AcknowledgeElderAlertHandler.Handle(
            new AcknowledgeElderAlert(Ids.FromRoute(alertId, "elder_alert"), request.Note, Actor.Of(context)),
            session, clock, ct);
}
