using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.ServiceRecords;

/// <summary>A volunteer's service was reported. It earns nothing until office staff verify it.</summary>
public sealed record ServiceRecordSubmitted(
    Guid RecordId,
    Guid CommunityId,
    Guid VolunteerId,
    string ActivityCode,
    LocalDate ServiceDate,
    int? DurationMinutes,
    int Occasions,
    string? Note,
    Instant SubmittedAt,
    string SubmittedBy,
    ServiceOrigin? Origin = null);

/// <summary>Office staff confirmed the service; the matching <see cref="PointsCredited"/> is on the volunteer's stream.</summary>
public sealed record ServiceRecordVerified(
    Guid RecordId,
    Guid VolunteerId,
    int Points,
    int Minutes,
    string RuleId,
    int RuleVersion,
    LocalDate? CapWeek,
    bool WeeklyCapReached,
    Instant VerifiedAt,
    string VerifiedBy);

/// <summary>Office staff refused the record; it is never credited.</summary>
public sealed record ServiceRecordRejected(Guid RecordId, string Reason, Instant RejectedAt, string RejectedBy);

/// <summary>A credited record was taken back; the matching <see cref="ServiceCreditReversed"/> is on the volunteer's stream.</summary>
public sealed record ServiceRecordReversed(
    Guid RecordId,
    Guid VolunteerId,
    int Points,
    int Minutes,
    CorrectionReason Reason,
    string Note,
    Instant ReversedAt,
    string ReversedBy);
