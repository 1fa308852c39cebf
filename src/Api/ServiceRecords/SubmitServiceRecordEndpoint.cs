using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using Wolverine.Http;

namespace QunTuan.Api.ServiceRecords;

/// <param name="DurationMinutes">Required for per-hour activities; otherwise the rule's standard time is counted.</param>
/// <param name="VerifyNow">Office staff logging a service they witnessed credit it in the same request.</param>
public sealed record SubmitServiceRecordRequest(
    Guid VolunteerId,
    string ActivityCode,
    LocalDate ServiceDate,
    int? DurationMinutes = null,
    int Occasions = 1,
    string? Note = null,
    bool VerifyNow = false,
    Guid? RecordId = null);

public sealed record ServiceRecordAccepted(Guid RecordId, ServiceRecordStatus Status, VerificationResult? Verification);

public static class SubmitServiceRecordEndpoint
{
    [WolverinePost("/api/service-records")]
    public static async Task<IResult> Post(SubmitServiceRecordRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var command = new SubmitServiceRecord(request.RecordId ?? Guid.CreateVersion7(), request.VolunteerId,
            request.ActivityCode, request.ServiceDate, request.DurationMinutes, request.Occasions, request.Note,
            request.VerifyNow, Actor.Of(context));
        var outcome = await SubmitServiceRecordHandler.Handle(command, session, clock, ct);

        var body = outcome.Credited is { } credited
            ? new ServiceRecordAccepted(command.RecordId, ServiceRecordStatus.Credited, VerificationResult.From(credited))
            : new ServiceRecordAccepted(command.RecordId, ServiceRecordStatus.Pending, null);
        return Results.Created($"/api/service-records/{command.RecordId}", body);
    }
}
