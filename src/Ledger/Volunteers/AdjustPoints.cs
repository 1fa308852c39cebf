using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Volunteers;

/// <summary>Office staff correct a balance directly, up or down, with a reason and a note.</summary>
public sealed record AdjustPoints(
    Guid VolunteerId,
    Guid AdjustmentId,
    int Points,
    CorrectionReason Reason,
    string Note,
    string Actor);

public static class AdjustPointsDecider
{
    public const int MaxAdjustment = 10_000;

    public static PointsAdjusted Decide(AdjustPoints command, VolunteerAccount account, Instant now)
    {
        if (command.Points is 0 or < -MaxAdjustment or > MaxAdjustment)
            throw LedgerRuleViolation.Invalid("adjustment_out_of_range",
                $"调整积分须为非零整数，绝对值不超过 {MaxAdjustment} / points must be non-zero and at most {MaxAdjustment} either way",
                "points");
        if (command.Reason == CorrectionReason.Goodwill && command.Points < 0)
            throw LedgerRuleViolation.Invalid("goodwill_must_be_positive",
                "酌情奖励只能增加积分 / a goodwill adjustment can only add points", "reason");
        if (account.Adjustments?.Contains(command.AdjustmentId) == true)
            throw LedgerRuleViolation.Conflict("adjustment_exists",
                "该调整编号已使用 / an adjustment with this id was already recorded", "adjustmentId");
        var note = PersonalDataGuard.Text(command.Note, "note", 500, required: true)!;
        var after = account.Available + command.Points;
        if (after < 0)
            throw LedgerRuleViolation.Conflict("insufficient_balance",
                $"可用积分 {account.Available}，不足以扣减 {-command.Points} / available balance {account.Available} cannot cover {-command.Points}",
                "points");
        return new PointsAdjusted(account.Id, command.AdjustmentId, command.Points, command.Reason, note, after, now,
            command.Actor);
    }
}

public static class AdjustPointsHandler
{
    public static async Task<PointsAdjusted> Handle(AdjustPoints command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        // Exclusive: the balance check and the append must see the same balance, even with a credit racing in.
        var stream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(command.VolunteerId, ct);
        var account = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId);
        var adjusted = AdjustPointsDecider.Decide(command, account, clock.GetCurrentInstant());
        stream.AppendOne(adjusted);
        return adjusted;
    }
}
