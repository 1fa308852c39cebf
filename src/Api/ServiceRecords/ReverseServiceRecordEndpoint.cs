using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.ServiceRecords;

public sealed record ReverseServiceRecordRequest(CorrectionReason Reason, string Note);

public static class ReverseServiceRecordEndpoint
{
    /// <summary>Takes back a credited record. Refused with 409 if the points were already spent.</summary>
    [WolverinePost("/api/service-records/{recordId}/reversal")]
    public static async Task<ServiceCreditReversed> Post(string recordId, ReverseServiceRecordRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var outcome = await ReverseServiceRecordHandler.Handle(
            new ReverseServiceRecord(Ids.FromRoute(recordId, "service_record"), request.Reason, request.Note,
                Actor.Of(context)), session, clock, ct);
        return outcome.Debited;
    }
}
