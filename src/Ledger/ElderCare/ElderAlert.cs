namespace QunTuan.Ledger.ElderCare;

/// <summary>Decision state of an alert: is it still open.</summary>
public sealed record ElderAlert(Guid Id, Guid ElderId, AlertSeverity Severity, bool Acknowledged)
{
    public static ElderAlert Create(ElderAlertRaised e) => new(e.AlertId, e.ElderId, e.Severity, false);

    public ElderAlert Apply(ElderAlertAcknowledged _) => this with { Acknowledged = true };
}
