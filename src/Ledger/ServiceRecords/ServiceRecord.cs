using NodaTime;

namespace QunTuan.Ledger.ServiceRecords;

public enum ServiceRecordStatus
{
    Pending,   // 待核实
    Credited,  // 已入账
    Rejected,  // 已驳回
    Reversed   // 已冲正
}

/// <summary>Decision state of one service record.</summary>
public sealed record ServiceRecord(
    Guid Id,
    Guid CommunityId,
    Guid VolunteerId,
    string ActivityCode,
    LocalDate ServiceDate,
    int? DurationMinutes,
    int Occasions,
    ServiceRecordStatus Status,
    int Points,
    int Minutes,
    LocalDate? CapWeek)
{
    public static ServiceRecord Create(ServiceRecordSubmitted e) =>
        new(e.RecordId, e.CommunityId, e.VolunteerId, e.ActivityCode, e.ServiceDate, e.DurationMinutes, e.Occasions,
            ServiceRecordStatus.Pending, 0, 0, null);

    public ServiceRecord Apply(ServiceRecordVerified e) =>
        this with { Status = ServiceRecordStatus.Credited, Points = e.Points, Minutes = e.Minutes, CapWeek = e.CapWeek };

    public ServiceRecord Apply(ServiceRecordRejected _) => this with { Status = ServiceRecordStatus.Rejected };

    public ServiceRecord Apply(ServiceRecordReversed _) => this with { Status = ServiceRecordStatus.Reversed };
}
