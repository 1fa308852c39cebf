using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.ServiceRecords;
using Wolverine.Http;

namespace QunTuan.Api.ServiceRecords;

public static class GetServiceRecordEndpoint
{
    [WolverineGet("/api/service-records/{recordId}")]
    public static async Task<ServiceRecordView> Get(string recordId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ServiceRecordView>(Ids.FromRoute(recordId, "service_record"), ct)
        ?? throw LedgerRuleViolation.NotFound("service_record", recordId);
}
