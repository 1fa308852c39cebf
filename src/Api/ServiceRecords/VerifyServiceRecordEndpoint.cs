using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.ServiceRecords;

public sealed record VerificationResult(
    Guid RecordId,
    Guid VolunteerId,
    ServiceRecordStatus Status,
    int Points,
    int Minutes,
    string RuleId,
    int RuleVersion,
    bool WeeklyCapReached,
    int BalanceAfter,
    string VerifiedBy)
{
    public static VerificationResult From(RecordCredited outcome) => From(outcome.Verified, outcome.Credited);

    private static VerificationResult From(ServiceRecordVerified v, PointsCredited c) =>
        new(v.RecordId, v.VolunteerId, ServiceRecordStatus.Credited, v.Points, v.Minutes, v.RuleId, v.RuleVersion,
            v.WeeklyCapReached, c.BalanceAfter, v.VerifiedBy);
}

public static class VerifyServiceRecordEndpoint
{
    /// <summary>Credits a pending record. A second verification, even at the same moment, is a 409.</summary>
    [WolverinePost("/api/service-records/{recordId}/verify")]
    public static async Task<VerificationResult> Post(string recordId, HttpContext context, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var outcome = await VerifyServiceRecordHandler.Handle(
            new VerifyServiceRecord(Ids.FromRoute(recordId, "service_record"), Actor.Of(context)), session, clock, ct);
        return VerificationResult.From(outcome);
    }
}
