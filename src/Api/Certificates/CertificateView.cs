using Marten;
using NodaTime;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Certificates;
using QunTuan.Projections.Activities;
using QunTuan.Projections.Communities;

namespace QunTuan.Api.Certificates;

public sealed record CertificateLineView(
    string CategoryCode,
    string CategoryNameZh,
    string ActivityCode,
    string? ActivityNameZh,
    int Services,
    int Minutes,
    int Points);

/// <summary>A certificate as the auditor hands it over: the issued facts, with the names a reader needs.</summary>
public sealed record CertificateView(
    Guid CertificateId,
    Guid VolunteerId,
    string VolunteerName,
    Guid CommunityId,
    string? CommunityNameZh,
    LocalDate From,
    LocalDate To,
    IReadOnlyList<CertificateLineView> Lines,
    int AdjustmentPoints,
    int TotalMinutes,
    int TotalPoints,
    long AccountVersion,
    string Chain,
    long ChainPosition,
    string ChainHash,
    string Digest,
    Instant IssuedAt,
    string IssuedBy,
    string VerifyUrl)
{
    public static string VerifyPath(Guid certificateId) => $"/api/certificates/{certificateId}/verify";

    /// <summary>Joins the volunteer's name (from the erasable profile), the community and the activity names.</summary>
    public static async Task<CertificateView> Of(Certificate c, IQuerySession session, CancellationToken ct)
    {
        var name = (await VolunteerNames.Load(session, [c.VolunteerId], ct))[c.VolunteerId];
        var community = await session.LoadAsync<CommunityView>(c.CommunityId, ct);
        var activities = (await session.Query<ActivityView>().ToListAsync(ct)).ToDictionary(a => a.Code);
        var lines = c.Lines.Select(l => new CertificateLineView(l.CategoryCode,
            ActivityCategory.Find(l.CategoryCode)?.NameZh ?? l.CategoryCode, l.ActivityCode,
            activities.GetValueOrDefault(l.ActivityCode)?.NameZh, l.Services, l.Minutes, l.Points)).ToList();
        return new CertificateView(c.Id, c.VolunteerId, name, c.CommunityId, community?.NameZh, c.From, c.To, lines,
            c.AdjustmentPoints, c.TotalMinutes, c.TotalPoints, c.AccountVersion, c.Chain, c.ChainPosition, c.ChainHash,
            c.Digest, c.IssuedAt, c.IssuedBy, VerifyPath(c.Id));
    }
}
