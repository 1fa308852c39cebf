using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.RiverGuarding;

/// <summary>A Lanhua river team folded from its events, and the CB04 rule as seeded.</summary>
public static class River
{
    public static readonly Guid TeamId = new("0d000000-0000-4000-8000-000000000001");
    public static readonly Guid Lanjiang = new("0d000000-0000-4000-8000-0000000000a1");
    public static readonly Guid InnerRiver = new("0d000000-0000-4000-8000-0000000000a2");
    public static readonly Guid PatrolId = new("0d000000-0000-4000-8000-0000000000f1");
    public static readonly Guid Other = new("0e000000-0000-4000-8000-000000000099");

    public static Guid Volunteer(int n) => new($"0b000000-0000-4000-8000-{n:D12}");

    /// <summary>Meihua: another community of Lanhua's street. Zhuyuan: a community of another street.</summary>
    public static readonly Guid Meihua = new("0a000000-0000-4000-8000-000000000002");
    public static readonly Guid Zhuyuan = new("0a000000-0000-4000-8000-000000000003");
    public static readonly CommunityStreet Lanjiangjie = new("兰溪市", "兰江街道");
    public static readonly CommunityStreet Yunshanjie = new("兰溪市", "云山街道");

    /// <summary>Where the three communities lie.</summary>
    public static readonly IReadOnlyDictionary<Guid, CommunityStreet> Streets = new Dictionary<Guid, CommunityStreet>
    {
        [Build.Lanhua] = Lanjiangjie, [Meihua] = Lanjiangjie, [Zhuyuan] = Yunshanjie
    };

    /// <summary>Volunteers 1 to 4 are members; 5 belongs to the community but not to the team.</summary>
    public static readonly Guid[] Members = [Volunteer(1), Volunteer(2), Volunteer(3), Volunteer(4)];

    /// <summary>Sunday 2026-07-05, the day before <see cref="Build.Now"/>.</summary>
    public static readonly LocalDate Yesterday = Build.Date(2026, 7, 5);

    public static readonly Activity Cb04 = Build.ActivityWith("CB04", (Build.Date(2026, 1, 1), Build.TenAnHour));

    public static RiverTeamFormed Formed() =>
        new(TeamId, Build.Lanhua, "兰花社区“河小二”护河队", Members,
            [new RiverSegment(Lanjiang, "兰江兰花段", 1200), new RiverSegment(InnerRiver, "社区内河", 800)],
            Build.Now, "office");

    public static RiverTeam Team() => RiverTeam.Create(Formed());

    public static VolunteerAccount Account(Guid volunteerId, Guid? communityId = null) =>
        Build.AccountHolding(volunteerId: volunteerId, communityId: communityId ?? Build.Lanhua);

    public static RecordRiverPatrol Patrol(Guid[]? participants = null, LocalDate? date = null,
        LocalTime? start = null, LocalTime? end = null, Guid? segmentId = null, bool creditNow = true,
        params FindingReport[] findings) =>
        new(PatrolId, TeamId, segmentId ?? Lanjiang, date ?? Yesterday, start ?? new LocalTime(9, 0),
            end ?? new LocalTime(11, 30), participants ?? Members[..3], findings, creditNow, "organizer-chen");

    public static FindingReport Litter(int count = 3, string? photoRef = null, string? note = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), RiverFindingKind.Litter, count, RiverFindingSeverity.Low, photoRef, note);

    public static RiverPatrolDecision Decide(RecordRiverPatrol command, bool patrolExists = false,
        IReadOnlySet<Guid>? existingFindings = null, Activity? activity = null, Instant? now = null) =>
        RecordRiverPatrolDecider.Decide(command, Team(), patrolExists, existingFindings ?? new HashSet<Guid>(),
            activity ?? Cb04, now ?? Build.Now);

    public static LedgerRuleViolation Refused(Action decide) => Should.Throw<LedgerRuleViolation>(decide);
}
