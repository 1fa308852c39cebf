using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ElderCare;

public sealed record AcknowledgeElderAlert(Guid AlertId, string Note, string Actor);

public static class AcknowledgeElderAlertDecider
{
    public static ElderAlertAcknowledged Decide(AcknowledgeElderAlert command, ElderAlert alert, Instant now)
    {
        if (alert.Acknowledged)
            throw LedgerRuleViolation.Conflict("alert_already_acknowledged",
                "该预警已处理 / the alert was already acknowledged");
        var note = PersonalDataGuard.Text(command.Note, "note", 500, required: true)!;
        return new ElderAlertAcknowledged(alert.Id, alert.ElderId, note, now, command.Actor);
    }
}

public static class AcknowledgeElderAlertHandler
{
    public static async Task<ElderAlertAcknowledged> Handle(AcknowledgeElderAlert command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<ElderAlert>(command.AlertId, ct);
        var alert = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("elder_alert", command.AlertId);
        var acknowledged = AcknowledgeElderAlertDecider.Decide(command, alert, clock.GetCurrentInstant());
        stream.AppendOne(acknowledged);
        return acknowledged;
    }
}
