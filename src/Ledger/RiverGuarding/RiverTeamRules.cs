using Marten;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.RiverGuarding;

/// <summary>The guards forming a team and growing it share: who may be a member, what a segment is.</summary>
public static class RiverTeamRules
{
    public const int MaxMembers = 100;
    public const int MaxSegments = 50;
    public const int MaxNameLength = 60;
    public const int MaxSegmentMetres = 100_000;

    /// <summary>
    /// A member must be a registered volunteer of the team's own community or, when the team is a street team
    /// (<paramref name="teamStreet"/> set), of any community in that street and city. <paramref name="volunteerStreet"/>
    /// is where the volunteer's own community lies.
    /// </summary>
    public static void EnsureEligible(Guid volunteerId, VolunteerAccount? volunteer, Guid communityId,
        CommunityStreet? teamStreet, CommunityStreet? volunteerStreet, string field)
    {
        if (volunteer is null) throw LedgerRuleViolation.NotFound("volunteer", volunteerId, field);
        if (volunteer.CommunityId == communityId) return;
        if (teamStreet is null)
            throw LedgerRuleViolation.Invalid("member_not_in_community",
                $"志愿者 {volunteerId} 不属于本社区，不能加入护河队 / volunteer {volunteerId} belongs to another community and cannot join this team",
                field);
        // Exact text: both come from registrations the administrators typed, already trimmed.
        if (volunteerStreet != teamStreet)
            throw LedgerRuleViolation.Invalid("member_not_in_street",
                $"志愿者 {volunteerId} 所在社区不在{teamStreet.City}{teamStreet.Street}，不能加入这支街道护河队 / volunteer {volunteerId} belongs to a community outside {teamStreet.Street}, {teamStreet.City} and cannot join this street team",
                field);
    }

    /// <summary>Checks one segment; <paramref name="field"/> is its path in the request (<c>segments[0]</c>, or empty).</summary>
    public static RiverSegment Segment(Guid segmentId, string name, int lengthMetres, IReadOnlySet<Guid> takenIds,
        IEnumerable<RiverSegment> siblings, string field)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (takenIds.Contains(segmentId))
            throw LedgerRuleViolation.Conflict("river_segment_exists",
                $"河段 {segmentId} 已存在 / river segment {segmentId} already exists", prefix + "segmentId");
        var cleanName = PersonalDataGuard.Text(name, prefix + "name", MaxNameLength, required: true)!;
        if (lengthMetres is < 1 or > MaxSegmentMetres)
            throw LedgerRuleViolation.Invalid("segment_length_out_of_range",
                $"河段长度须在 1 到 {MaxSegmentMetres} 米之间 / lengthMetres must be between 1 and {MaxSegmentMetres}",
                prefix + "lengthMetres");
        foreach (var sibling in siblings)
        {
            if (sibling.SegmentId == segmentId)
                throw LedgerRuleViolation.Invalid("duplicate_segment",
                    $"河段 {segmentId} 重复 / river segment {segmentId} is listed twice", prefix + "segmentId");
            if (string.Equals(sibling.Name, cleanName, StringComparison.OrdinalIgnoreCase))
                throw LedgerRuleViolation.Conflict("segment_name_taken",
                    $"本队已有河段“{cleanName}” / the team already guards a segment named {cleanName}", prefix + "name");
        }
        return new RiverSegment(segmentId, cleanName, lengthMetres);
    }

    /// <summary>Which of <paramref name="segmentIds"/> some team already guards: coverage is kept per segment id.</summary>
    public static async Task<IReadOnlySet<Guid>> TakenSegmentIds(IQuerySession session, IEnumerable<Guid> segmentIds,
        CancellationToken ct)
    {
        var taken = new HashSet<Guid>();
        foreach (var id in segmentIds.Distinct())
            if (await session.Query<RiverTeam>().AnyAsync(t => t.Segments.Any(s => s.SegmentId == id), ct))
                taken.Add(id);
        return taken;
    }
}
