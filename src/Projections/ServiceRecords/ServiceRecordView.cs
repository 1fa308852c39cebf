using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.ServiceRecords;

/// <summary>A service record as the office and the volunteer see it, including who decided what and when.</summary>
public sealed record ServiceRecordView(
    Guid Id,
    Guid CommunityId,
    Guid VolunteerId,
    string ActivityCode,
    LocalDate ServiceDate,
    int? DurationMinutes,
    int Occasions,
    string? Note,
    ServiceRecordStatus Status,
    Instant SubmittedAt,
    string SubmittedBy,
    int? Points = null,
    int? Minutes = null,
    string? RuleId = null,
    int? RuleVersion = null,
    bool WeeklyCapReached = false,
    Instant? VerifiedAt = null,
    string? VerifiedBy = null,
    string? RejectionReason = null,
    Instant? RejectedAt = null,
    string? RejectedBy = null,
    CorrectionReason? ReversalReason = null,
    string? ReversalNote = null,
    Instant? ReversedAt = null,
    string? ReversedBy = null,
    ServiceOrigin? Origin = null);

public sealed partial class ServiceRecordViewProjection : SingleStreamProjection<ServiceRecordView, Guid>
{
    public ServiceRecordView Create(ServiceRecordSubmitted e) =>
        new(e.RecordId, e.CommunityId, e.VolunteerId, e.ActivityCode, e.ServiceDate, e.DurationMinutes, e.Occasions,
            e.Note, ServiceRecordStatus.Pending, e.SubmittedAt, e.SubmittedBy, Origin: e.Origin);

    public ServiceRecordView Apply(ServiceRecordVerified e, ServiceRecordView v) =>
        v with
        {
            Status = ServiceRecordStatus.Credited, Points = e.Points, Minutes = e.Minutes, RuleId = e.RuleId,
            RuleVersion = e.RuleVersion, WeeklyCapReached = e.WeeklyCapReached, VerifiedAt = e.VerifiedAt,
            VerifiedBy = e.VerifiedBy
        };

    public ServiceRecordView Apply(ServiceRecordRejected e, ServiceRecordView v) =>
        v with
        {
            Status = ServiceRecordStatus.Rejected, RejectionReason = e.Reason, RejectedAt = e.RejectedAt,
            RejectedBy = e.RejectedBy
        };

    public ServiceRecordView Apply(ServiceRecordReversed e, ServiceRecordView v) =>
        v with
        {
            Status = ServiceRecordStatus.Reversed, ReversalReason = e.Reason, ReversalNote = e.Note,
            ReversedAt = e.ReversedAt, ReversedBy = e.ReversedBy
        };
}
