using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.Statements;

public enum MovementKind
{
    Credit,     // 服务积分入账
    Reversal,   // 冲正
    Adjustment  // 调整
}

/// <summary>
/// One movement on a volunteer's statement, one document per event so a long history pages cheaply.
/// <see cref="Version"/> is the account stream version: lines sort by it and have no gaps.
/// </summary>
public sealed record StatementLine(
    Guid Id,
    Guid VolunteerId,
    long Version,
    Instant At,
    MovementKind Kind,
    int Points,
    int Minutes,
    int BalanceAfter,
    LocalDate? ServiceDate,
    string? ActivityCode,
    Guid? RecordId,
    string? RuleId,
    int? RuleVersion,
    string? Reason,
    string? Note,
    string Actor);

public sealed partial class StatementLineProjection : EventProjection
{
    public StatementLine Create(IEvent<PointsCredited> e) =>
        new(e.Id, e.Data.VolunteerId, e.Version, e.Data.CreditedAt, MovementKind.Credit, e.Data.Points,
            e.Data.Minutes, e.Data.BalanceAfter, e.Data.ServiceDate, e.Data.ActivityCode, e.Data.RecordId,
            e.Data.RuleId, e.Data.RuleVersion, null, null, e.Data.CreditedBy);

    public StatementLine Create(IEvent<ServiceCreditReversed> e) =>
        new(e.Id, e.Data.VolunteerId, e.Version, e.Data.ReversedAt, MovementKind.Reversal, -e.Data.Points,
            -e.Data.Minutes, e.Data.BalanceAfter, null, e.Data.ActivityCode, e.Data.RecordId, null, null,
            e.Data.Reason.ToString(), e.Data.Note, e.Data.ReversedBy);

    public StatementLine Create(IEvent<PointsAdjusted> e) =>
        new(e.Id, e.Data.VolunteerId, e.Version, e.Data.AdjustedAt, MovementKind.Adjustment, e.Data.Points, 0,
            e.Data.BalanceAfter, null, null, null, null, null, e.Data.Reason.ToString(), e.Data.Note,
            e.Data.AdjustedBy);
}
