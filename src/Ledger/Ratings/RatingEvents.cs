using NodaTime;

namespace QunTuan.Ledger.Ratings;

public enum Satisfaction
{
    Satisfied,     // 满意
    Neutral,       // 基本满意
    Dissatisfied   // 不满意
}

/// <summary>What was rated: an organized activity (a patrol shift, a river patrol) or one service record.</summary>
public enum RatedSubject
{
    PatrolShift,
    RiverPatrol,
    ServiceRecord
}

/// <summary>A resident served (or the office on their behalf) rated a completed service (两率: 满意率).</summary>
public sealed record ServiceRated(
    Guid RatingId,
    Guid CommunityId,
    RatedSubject SubjectKind,
    Guid SubjectId,
    Guid? TeamId,
    LocalDate ServiceDate,
    Satisfaction Rating,
    string? Note,
    Instant RatedAt,
    string RatedBy);
