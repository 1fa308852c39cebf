using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Ratings;
using Wolverine.Http;

namespace QunTuan.Api.Ratings;

public sealed record RateServiceRequest(RatedSubject SubjectKind, Guid SubjectId, Satisfaction Rating, string? Note = null);

public static class RateServiceEndpoint
{
    /// <summary>A resident served, or the office on their behalf, rates a finished service once.</summary>
    [WolverinePost("/api/ratings")]
    public static async Task<IResult> Post(RateServiceRequest request, HttpContext context, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var subject = await RatedSubjects.Find(session, request.SubjectKind, request.SubjectId, ct)
                      ?? throw RatedSubjects.NotFound(request.SubjectKind, request.SubjectId);
        var rated = await RateServiceHandler.Handle(new RateService(request.SubjectKind, request.SubjectId,
            request.Rating, request.Note, Actor.Of(context)), subject, session, clock, ct);
        return Results.Created($"/api/communities/{rated.CommunityId}/ratings", rated);
    }
}
