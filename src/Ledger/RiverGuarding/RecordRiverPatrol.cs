using System.Text.RegularExpressions;
using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.RiverGuarding;

public sealed record FindingReport(
    Guid FindingId,
    RiverFindingKind Kind,
    int Count,
    RiverFindingSeverity Severity,
    string? PhotoRef,
    string? Note);

/// <summary>
/// A team patrolled one of its segments. With <see cref="CreditNow"/> (office staff) every qualifying
/// participant is credited at once; otherwise their records wait in the office queue.
/// </summary>
public sealed record RecordRiverPatrol(
    Guid PatrolId,
    Guid TeamId,
    Guid SegmentId,
    LocalDate ServiceDate,
    LocalTime Start,
    LocalTime End,
    IReadOnlyList<Guid> Participants,
    IReadOnlyList<FindingReport> Findings,
    bool CreditNow,
    string Actor);

/// <summary>One participant's service to record: the record id is derived from the patrol and the volunteer.</summary>
public sealed record PatrolCredit(Guid VolunteerId, Guid RecordId, int DurationMinutes);

/// <summary>What a patrol decides: its own event, the findings it opens, and the service to record, in lock order.</summary>
public sealed record RiverPatrolDecision(
    RiverPatrolRecorded Recorded,
    IReadOnlyList<RiverFindingReported> Findings,
    IReadOnlyList<PatrolCredit> Credits);

/// <summary>What the handler did: the decision plus each service record (and its credit, when credited at once).</summary>
public sealed record RiverPatrolOutcome(
    RiverPatrolRecorded Recorded,
    IReadOnlyList<RiverFindingReported> Findings,
    IReadOnlyList<RecordSubmitted> Records);

public static partial class RecordRiverPatrolDecider
{
    /// <summary>River guarding (护河) in the catalog: valued per hour, with a minimum duration.</summary>
    public const string ActivityCode = "CB04";
    public const string BelowMinimum = "duration_below_minimum";
    public const int MaxFindings = 50;
    public const int MaxFindingCount = 999;
    public const int MaxPhotoRefLength = 64;
    public const int MaxNoteLength = 500;

    private static readonly Guid RecordNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0101");

    // An opaque key (a file name or storage key): no scheme, host or path, so it cannot be a link.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex PhotoRefPattern();

    /// <summary>The service record of one participant: stable, so a retried patrol can never credit twice.</summary>
    public static Guid RecordIdFor(Guid patrolId, Guid volunteerId) =>
        DeterministicId.Create(RecordNamespace, $"{patrolId:N}/{volunteerId:N}");

    public static RiverPatrolDecision Decide(RecordRiverPatrol command, RiverTeam team, bool patrolExists,
        IReadOnlySet<Guid> existingFindingIds, Activity activity, Instant now)
    {
        if (patrolExists)
            throw LedgerRuleViolation.Conflict("river_patrol_exists",
                $"巡河记录 {command.PatrolId} 已存在 / river patrol {command.PatrolId} already exists", "patrolId");
        var segment = team.Segment(command.SegmentId)
            ?? throw LedgerRuleViolation.Invalid("segment_not_in_team",
                $"河段 {command.SegmentId} 不归本队负责 / segment {command.SegmentId} is not guarded by this team",
                "segmentId");

        var local = now.InZone(ShanghaiCalendar.Zone).LocalDateTime;
        if (command.ServiceDate > local.Date)
            throw LedgerRuleViolation.Invalid("service_date_in_future",
                $"服务日期不能晚于今天 {local.Date:uuuu-MM-dd} / serviceDate cannot be after today ({local.Date:uuuu-MM-dd})",
                "serviceDate");
        if (command.ServiceDate < local.Date.PlusDays(-SubmitServiceRecordDecider.MaxAgeDays))
            throw LedgerRuleViolation.Invalid("service_date_too_old",
                $"只能补录 {SubmitServiceRecordDecider.MaxAgeDays} 天内的巡河 / serviceDate must be within the last {SubmitServiceRecordDecider.MaxAgeDays} days",
                "serviceDate");
        if (command.End <= command.Start)
            throw LedgerRuleViolation.Invalid("patrol_end_not_after_start",
                "结束时间须晚于开始时间 / end must be after start", "end");
        if (command.ServiceDate == local.Date && command.End > local.TimeOfDay)
            throw LedgerRuleViolation.Invalid("patrol_not_over",
                "巡河尚未结束，结束后再登记 / the patrol has not ended yet; record it once it is over", "end");

        var rule = activity.RuleOn(command.ServiceDate)
            ?? throw LedgerRuleViolation.Invalid("no_rule_in_force",
                $"{command.ServiceDate:uuuu-MM-dd} 时 {activity.Code} 尚无计分规则 / no point rule of {activity.Code} was in force on {command.ServiceDate:uuuu-MM-dd}",
                "serviceDate");

        if (command.Participants.Count == 0)
            throw LedgerRuleViolation.Invalid("participants_required",
                "巡河至少要有一名参与队员 / a patrol needs at least one participant", "participants");
        for (var i = 0; i < command.Participants.Count; i++)
        {
            var volunteer = command.Participants[i];
            if (command.Participants.Take(i).Contains(volunteer))
                throw LedgerRuleViolation.Invalid("duplicate_participant",
                    $"队员 {volunteer} 重复 / participant {volunteer} is listed twice", $"participants[{i}]");
            if (!team.HasMember(volunteer))
                throw LedgerRuleViolation.Invalid("participant_not_member",
                    $"{volunteer} 不是本队队员 / {volunteer} is not a member of this team", $"participants[{i}]");
        }

        var findings = CheckFindings(command, team, segment, existingFindingIds, now);

        var minutes = (int)((command.End - command.Start).ToDuration().TotalMinutes);
        var minimum = rule.Rule.MinimumMinutes ?? 0;
        var qualifies = minutes >= minimum;
        var participants = command.Participants
            .Select(v => qualifies
                ? new PatrolParticipant(v, RecordIdFor(command.PatrolId, v), null)
                : new PatrolParticipant(v, null, BelowMinimum))
            .ToArray();
        // Ascending volunteer id: the order in which crediting locks accounts, the same for every writer.
        var credits = qualifies
            ? command.Participants.Order().Select(v => new PatrolCredit(v, RecordIdFor(command.PatrolId, v), minutes))
                .ToArray()
            : [];

        var recorded = new RiverPatrolRecorded(command.PatrolId, team.Id, team.CommunityId, segment.SegmentId,
            command.ServiceDate, command.Start, command.End, minutes, minimum, participants,
            findings.Select(f => f.FindingId).ToArray(), command.CreditNow, now, command.Actor);
        return new RiverPatrolDecision(recorded, findings, credits);
    }

    private static List<RiverFindingReported> CheckFindings(RecordRiverPatrol command, RiverTeam team,
        RiverSegment segment, IReadOnlySet<Guid> existingFindingIds, Instant now)
    {
        if (command.Findings.Count > MaxFindings)
            throw LedgerRuleViolation.Invalid("too_many_findings",
                $"一次巡河最多登记 {MaxFindings} 个问题 / a patrol reports at most {MaxFindings} findings", "findings");
        var findings = new List<RiverFindingReported>();
        for (var i = 0; i < command.Findings.Count; i++)
        {
            var finding = command.Findings[i];
            var field = $"findings[{i}]";
            if (existingFindingIds.Contains(finding.FindingId))
                throw LedgerRuleViolation.Conflict("river_finding_exists",
                    $"问题 {finding.FindingId} 已存在 / finding {finding.FindingId} already exists", field + ".findingId");
            if (findings.Any(f => f.FindingId == finding.FindingId) || finding.FindingId == command.PatrolId)
                throw LedgerRuleViolation.Invalid("duplicate_finding",
                    $"问题 {finding.FindingId} 重复 / finding {finding.FindingId} is listed twice", field + ".findingId");
            if (!Enum.IsDefined(finding.Kind))
                throw LedgerRuleViolation.Invalid("unknown_finding_kind", "未知的问题类型 / unknown finding kind",
                    field + ".kind");
            if (!Enum.IsDefined(finding.Severity))
                throw LedgerRuleViolation.Invalid("unknown_severity", "未知的严重程度 / unknown severity",
                    field + ".severity");
            if (finding.Count is < 1 or > MaxFindingCount)
                throw LedgerRuleViolation.Invalid("finding_count_out_of_range",
                    $"数量须在 1 到 {MaxFindingCount} 之间 / count must be between 1 and {MaxFindingCount}",
                    field + ".count");
            var photoRef = PhotoRef(finding.PhotoRef, field + ".photoRef");
            var note = PersonalDataGuard.Text(finding.Note, field + ".note", MaxNoteLength);
            findings.Add(new RiverFindingReported(finding.FindingId, team.Id, team.CommunityId, segment.SegmentId,
                command.PatrolId, finding.Kind, finding.Count, finding.Severity, photoRef, note, command.ServiceDate,
                now, command.Actor));
        }
        return findings;
    }

    private static string? PhotoRef(string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > MaxPhotoRefLength || !PhotoRefPattern().IsMatch(text))
            throw LedgerRuleViolation.Invalid("invalid_photo_ref",
                $"照片编号须为不超过 {MaxPhotoRefLength} 个字符的字母、数字、点、下划线或连字符，不能是链接 / photoRef must be an opaque key of at most {MaxPhotoRefLength} letters, digits, dots, underscores or hyphens, not a link",
                field);
        if (PersonalDataGuard.LooksPersonal(text))
            throw LedgerRuleViolation.Invalid("personal_data_not_allowed",
                $"{field} 不得包含手机号或身份证号 / {field} must not contain a phone or ID-card number", field);
        return text;
    }
}

public static class RecordRiverPatrolHandler
{
    public static async Task<RiverPatrolOutcome> Handle(RecordRiverPatrol command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        // The team is the workflow stream: locked before any volunteer account, so patrols, resolutions and
        // membership changes of one team queue up and the segment coverage never loses an update.
        var teamStream = await session.Events.FetchForExclusiveWriting<RiverTeam>(command.TeamId, ct);
        var team = teamStream.Aggregate ?? throw LedgerRuleViolation.NotFound("river_team", command.TeamId);
        var patrolExists = await session.Events.FetchStreamStateAsync(command.PatrolId, ct) is not null;
        var existingFindings = new HashSet<Guid>();
        foreach (var id in command.Findings.Select(f => f.FindingId).Distinct())
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
                existingFindings.Add(id);
        var activity = await session.Events.FetchLatest<Activity>(
                           DeterministicId.ForActivity(RecordRiverPatrolDecider.ActivityCode), ct)
                       ?? throw LedgerRuleViolation.NotFound("activity", RecordRiverPatrolDecider.ActivityCode);

        var decision = RecordRiverPatrolDecider.Decide(command, team, patrolExists, existingFindings, activity, now);

        session.Events.StartStream(decision.Recorded.PatrolId, decision.Recorded);
        foreach (var finding in decision.Findings)
            session.Events.StartStream<RiverFinding>(finding.FindingId, finding);
        var segmentName = team.Segment(command.SegmentId)!.Name;
        var records = new List<RecordSubmitted>();
        foreach (var credit in decision.Credits)
            records.Add(await ServiceRecordBook.Record(session, new SubmitServiceRecord(credit.RecordId,
                credit.VolunteerId, RecordRiverPatrolDecider.ActivityCode, command.ServiceDate, credit.DurationMinutes,
                1, $"护河巡查 {segmentName} {command.Start:HH:mm}-{command.End:HH:mm} / river patrol",
                command.CreditNow, command.Actor, new ServiceOrigin(ServiceOrigin.RiverPatrol, command.PatrolId)),
                now, ct));
        return new RiverPatrolOutcome(decision.Recorded, decision.Findings, records);
    }
}
