using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Ratings;

/// <summary>What the caller found out about the rated subject from the read side (the Ledger reads no
/// projections): where and when it happened, which team ran it, and whether it is finished.</summary>
public sealed record RatedSubjectFacts(Guid CommunityId, Guid? TeamId, LocalDate ServiceDate, bool Completed);

public sealed record RateService(RatedSubject Kind, Guid SubjectId, Satisfaction Rating, string? Note, string Actor)
{
    private static readonly Guid RatingNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0201");

    /// <summary>One rating per rater and subject: the id says so, and the event store keeps it unique.</summary>
    public Guid RatingId => DeterministicId.Create(RatingNamespace, $"{Kind}:{SubjectId:N}:{Actor}");
}

public static class RateServiceDecider
{
    public static ServiceRated Decide(RateService command, RatedSubjectFacts subject, bool alreadyRated, Instant now)
    {
        if (!subject.Completed)
            throw LedgerRuleViolation.Conflict("not_completed",
                "服务尚未完成，完成后才能评价 / only a completed service can be rated", "subjectId");
        if (alreadyRated)
            throw LedgerRuleViolation.Conflict("already_rated",
                "您已评价过这项服务 / you have already rated this service", "subjectId");
        return new ServiceRated(command.RatingId, subject.CommunityId, command.Kind, command.SubjectId, subject.TeamId,
            subject.ServiceDate, command.Rating, PersonalDataGuard.Text(command.Note, "note", 500), now, command.Actor);
    }
}

public static class RateServiceHandler
{
    public static async Task<ServiceRated> Handle(RateService command, RatedSubjectFacts subject,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var existing = await session.Events.FetchStreamStateAsync(command.RatingId, ct);
        var rated = RateServiceDecider.Decide(command, subject, existing is not null, clock.GetCurrentInstant());
        session.Events.StartStream(rated.RatingId, rated);
        return rated;
    }
}
