using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using Wolverine.Http;

namespace QunTuan.Api.ServiceRecords;

public sealed record RejectServiceRecordRequest(string Reason);

public static class RejectServiceRecordEndpoint
{
    [WolverinePost("/api/service-records/{recordId}/reject")]
    public static async Task<ServiceRecordRejected> Post(string recordId, RejectServiceRecordRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct) =>
        await RejectServiceRecordHandler.Handle(
            new RejectServiceRecord(Ids.FromRoute(recordId, "service_record"), request.Reason, Actor.Of(context)),
            session, clock, ct);
}
