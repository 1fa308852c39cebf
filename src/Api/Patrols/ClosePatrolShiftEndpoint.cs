using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.ServiceRecords;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.ServiceRecords;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

/// <param name="CreditNow">True when office staff close the shift (each record is credited at once); false when
/// an organizer closes it (the records wait in the office queue).</param>
public sealed record ClosePatrolShiftRequest(bool CreditNow);

/// <param name="Points">Set when the record was credited at once.</param>
public sealed record PatrolCredit(
    Guid VolunteerId,
    Guid RecordId,
    int CountedMinutes,
    ServiceRecordStatus Status,
    int? Points,
    int? BalanceAfter);

public sealed record PatrolNotCredited(
    Guid VolunteerId,
    int CountedMinutes,
    int MinimumMinutes,
    PatrolNotCreditedReason Reason);

public sealed record PatrolShiftClosedResult(
    Guid ShiftId,
    PatrolShiftStatus Status,
    bool CreditNow,
    Instant ClosedAt,
    string ClosedBy,
    int PersonTimes,
    IReadOnlyList<PatrolCredit> Credited,
    IReadOnlyList<PatrolNotCredited> NotCredited);

public static class ClosePatrolShiftEndpoint
{
    /// <summary>Closes the shift for good: one service record per participant who served the minimum.</summary>
    [WolverinePost("/api/patrol-shifts/{shiftId}/close")]
    public static async Task<PatrolShiftClosedResult> Post(string shiftId, ClosePatrolShiftRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var closure = await ClosePatrolShiftHandler.Handle(
            new ClosePatrolShift(Ids.FromRoute(shiftId, "patrol_shift"), request.CreditNow, Actor.Of(context)),
            session, clock, ct);
        var closed = closure.Closed;
        var records = closure.Records.ToDictionary(r => r.Submitted.RecordId);

        var credited = closed.Participants.Where(p => p.RecordId is not null).Select(p =>
        {
            var verification = records[p.RecordId!.Value].Credited is { } c ? VerificationResult.From(c) : null;
            return new PatrolCredit(p.VolunteerId, p.RecordId.Value, p.CountedMinutes,
                verification?.Status ?? ServiceRecordStatus.Pending, verification?.Points, verification?.BalanceAfter);
        }).ToList();
        var notCredited = closed.Participants.Where(p => p.NotCredited is not null)
            .Select(p => new PatrolNotCredited(p.VolunteerId, p.CountedMinutes, closed.MinimumMinutes, p.NotCredited!.Value))
            .ToList();
        return new PatrolShiftClosedResult(closed.ShiftId, PatrolShiftStatus.Closed, closed.CreditNow, closed.ClosedAt,
            closed.ClosedBy, closed.Participants.Length, credited, notCredited);
    }
}
