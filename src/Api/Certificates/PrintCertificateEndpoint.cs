using Marten;
using Wolverine.Http;

namespace QunTuan.Api.Certificates;

public static class PrintCertificateEndpoint
{
    /// <summary>The certificate as a printable page in Chinese (A4), to hand over or file.</summary>
    [WolverineGet("/api/certificates/{certificateId}/print")]
    public static async Task<IResult> Get(string certificateId, HttpContext context, IQuerySession session,
        CancellationToken ct)
    {
        var view = await CertificateView.Of(await GetCertificateEndpoint.Load(session, certificateId, ct), session, ct);
        var verifyUrl = $"{context.Request.Scheme}://{context.Request.Host}{view.VerifyUrl}";
        return Results.Content(CertificateHtml.Render(view, verifyUrl), "text/html; charset=utf-8");
    }
}
