using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Participation;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Ratings;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Communities;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.Ratings;
using QunTuan.Projections.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.Ratings;

public enum TeamKind
{
    Patrol,
    River
}

/// <summary>
/// The two rates (两率) of one team: attraction, the people who took part in its activities against the
/// members it had when each took place, and satisfaction, the share of ratings that were "satisfied".
/// </summary>
public sealed record TeamRates(
    Guid TeamId,
    TeamKind Kind,
    string Name,
    int Activities,
    int Participants,
    int Invited,
    decimal AttractionRatePercent,
    int Ratings,
    int Satisfied,
    decimal? SatisfactionRatePercent,
    bool BelowThreshold);

public sealed record RatingsReport(
    Guid CommunityId,
    string Period,
    decimal ThresholdPercent,
    int Ratings,
    int Satisfied,
    decimal? SatisfactionRatePercent,
    decimal AttractionRatePercent,
    IReadOnlyList<TeamRates> Teams,
    IReadOnlyList<Guid> TeamsBelowThreshold);

public static class GetRatingsEndpoint
{
    /// <summary>The 80 % line of the street's assessment (两率达 80%).</summary>
    public const decimal Threshold = 80m;

    [WolverineGet("/api/communities/{communityId}/ratings")]
    public static Task<RatingsReport> Get(string communityId, string? period, bool? fresh, IDocumentStore store,
        CancellationToken ct) => Build(store, communityId, period, fresh == true, ct);

    public static async Task<RatingsReport> Build(IDocumentStore store, string communityId, string? period, bool fresh,
        CancellationToken ct)
    {
        var when = Periods.Parse(period);
        if (fresh) await Freshness.WaitForProjections(store, ct);
        await using var session = store.QuerySession();
        var community = await session.LoadAsync<CommunityView>(CommunityRef.Resolve(communityId), ct)
                        ?? throw LedgerRuleViolation.NotFound("community", communityId);

        var ratings = (await session.Query<RatingFact>().Where(r => r.CommunityId == community.Id).ToListAsync(ct))
            .Where(r => In(when, r)).ToList();

        var teams = new List<TeamRates>();
        foreach (var team in await session.Query<PatrolTeamView>().Where(t => t.CommunityId == community.Id).ToListAsync(ct))
        {
            var shifts = (await session.Query<PatrolShiftView>().Where(s => s.TeamId == team.Id).ToListAsync(ct))
                .Where(s => s.Status == PatrolShiftStatus.Closed && when.Contains(s.ServiceDate)).ToList();
            teams.Add(Rates(team.Id, TeamKind.Patrol, team.Name, shifts.Count, shifts.Sum(s => s.Participants.Count),
                shifts.Sum(s => team.Roster.Count(m => m.JoinedAt <= s.PlannedStart)), ratings));
        }
        foreach (var team in await session.Query<RiverTeamView>().Where(t => t.CommunityId == community.Id).ToListAsync(ct))
        {
            var patrols = (await session.Query<RiverPatrolView>().Where(p => p.TeamId == team.Id).ToListAsync(ct))
                .Where(p => when.Contains(p.ServiceDate)).ToList();
            teams.Add(Rates(team.Id, TeamKind.River, team.Name, patrols.Count, patrols.Sum(p => p.Participants.Length),
                patrols.Sum(p => team.Members.Count(m => m.JoinedAt <= p.RecordedAt)), ratings));
        }

        var satisfied = ratings.Count(r => r.Rating == Satisfaction.Satisfied);
        return new RatingsReport(community.Id, when.Key, Threshold, ratings.Count, satisfied,
            ratings.Count == 0 ? null : ParticipationReports.Percent(satisfied, ratings.Count),
            ParticipationReports.Percent(teams.Sum(t => t.Participants), teams.Sum(t => t.Invited)),
            teams.OrderBy(t => t.Kind).ThenBy(t => t.Name).ToList(),
            teams.Where(t => t.BelowThreshold).Select(t => t.TeamId).ToList());
    }

    private static bool In(ReportingPeriod when, RatingFact r) => when.Kind switch
    {
        PeriodKind.Year => r.Year == when.Start.Year,
        PeriodKind.Quarter => r.Quarter == when.Key,
        _ => r.Month == when.Key
    };

    private static TeamRates Rates(Guid teamId, TeamKind kind, string name, int activities, int participants,
        int invited, IReadOnlyList<RatingFact> ratings)
    {
        var mine = ratings.Where(r => r.TeamId == teamId).ToList();
        var satisfied = mine.Count(r => r.Rating == Satisfaction.Satisfied);
        var attraction = ParticipationReports.Percent(participants, invited);
        decimal? satisfaction = mine.Count == 0 ? null : ParticipationReports.Percent(satisfied, mine.Count);
        // A team is flagged when either rate is under the line; a team that did nothing is not judged.
        var below = activities > 0 && (attraction < Threshold || satisfaction < Threshold);
        return new TeamRates(teamId, kind, name, activities, participants, invited, attraction, mine.Count, satisfied,
            satisfaction, below);
    }
}
