using Marten;
using NodaTime;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Volunteers;

/// <summary>Moves a volunteer's expired points to the community chest, under the community's expiry policy.</summary>
public sealed record ExpirePoints(Guid VolunteerId, string Actor);

/// <summary>What expiry moved: per account, the volunteer's debit and the chest's receipt.</summary>
public sealed record PointsExpiry(Guid CommunityId, int? ThroughYear, IReadOnlyList<(PointsExpired Expired,
    ChestExpiredPointsReceived Received)> Moves)
{
    public int Points => Moves.Sum(m => m.Expired.Points);
}

public static class ExpirePointsDecider
{
    /// <summary>
    /// The points earned through <paramref name="throughYear"/> that are still unspent leave the account for the
    /// chest (whose balance before is <paramref name="chestBalance"/>); nothing when there are none.
    /// </summary>
    public static (PointsExpired Expired, ChestExpiredPointsReceived Received)? Decide(VolunteerAccount account,
        Guid chestId, int chestBalance, int throughYear, Guid expiryId, Instant now, string actor)
    {
        var points = account.ExpirableThrough(throughYear);
        if (points == 0) return null;
        return (
            new PointsExpired(account.Id, expiryId, chestId, points, throughYear, account.Available - points, now, actor),
            new ChestExpiredPointsReceived(chestId, expiryId, account.Id, points, throughYear, chestBalance + points, now,
                actor));
    }
}

public static class ExpirePointsHandler
{
    public static async Task<PointsExpiry> Handle(ExpirePoints command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var account = await session.Events.FetchLatest<VolunteerAccount>(command.VolunteerId, ct)
            ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId);
        var community = await session.Events.FetchLatest<Community>(account.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", account.CommunityId);
        return await Expire(session, community, [command.VolunteerId], clock.GetCurrentInstant(), command.Actor, ct);
    }

    /// <summary>
    /// Expires what is due on each account, locking the accounts in ascending id order and the chest last, the
    /// order every writer uses. Accounts are re-read under their lock, so a spend racing the sweep is respected.
    /// </summary>
    public static async Task<PointsExpiry> Expire(IDocumentSession session, Community community,
        IEnumerable<Guid> volunteerIds, Instant now, string actor, CancellationToken ct)
    {
        if (community.Points.ExpiredThroughYear(ShanghaiCalendar.Today(now)) is not { } throughYear)
            return new PointsExpiry(community.Id, null, []);

        var due = new List<(JasperFx.Events.IEventStream<VolunteerAccount> Stream, VolunteerAccount Account)>();
        foreach (var id in volunteerIds.Distinct().Order())
        {
            var stream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(id, ct);
            if (stream.Aggregate is { } account && account.CommunityId == community.Id &&
                account.ExpirableThrough(throughYear) > 0)
                due.Add((stream, account));
        }
        if (due.Count == 0) return new PointsExpiry(community.Id, throughYear, []);

        var (chestStream, chest) = await ChestBook.Lock(session, community.Id, now, actor, ct);
        var balance = chest.Available;
        var moves = new List<(PointsExpired, ChestExpiredPointsReceived)>();
        foreach (var (stream, account) in due)
        {
            var move = ExpirePointsDecider.Decide(account, chest.Id, balance, throughYear, Guid.CreateVersion7(), now,
                actor)!.Value;
            stream.AppendOne(move.Expired);
            chestStream.AppendOne(move.Received);
            balance = move.Received.BalanceAfter;
            moves.Add(move);
        }
        return new PointsExpiry(community.Id, throughYear, moves);
    }
}
