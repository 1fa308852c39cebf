using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Certificates;
using Wolverine.Http;

namespace QunTuan.Api.Certificates;

/// <param name="From">First service date covered (inclusive).</param>
/// <param name="To">Last service date covered (inclusive), not after today in Zhejiang.</param>
public sealed record IssueCertificateRequest(LocalDate From, LocalDate To);

public static class IssueCertificateEndpoint
{
    /// <summary>Issues a 志愿服务记录证明 for a volunteer's services in a period; an auditor signs it.</summary>
    [WolverinePost("/api/volunteers/{volunteerId}/certificates")]
    public static async Task<IResult> Post(string volunteerId, IssueCertificateRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var issued = await IssueCertificateHandler.Handle(new IssueCertificate(Guid.CreateVersion7(),
            Ids.FromRoute(volunteerId, "volunteer"), request.From, request.To, Actor.Of(context)), session, clock, ct);
        var view = await CertificateView.Of(Certificate.Create(issued), session, ct);
        return Results.Created($"/api/certificates/{issued.CertificateId}", view);
    }
}
