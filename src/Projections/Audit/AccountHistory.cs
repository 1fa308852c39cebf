using JasperFx.Events;
using Marten;
using NodaTime;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Statements;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Projections.Audit;

/// <summary>A volunteer's account as it stood at one point of its history: the balance and every movement so far.</summary>
public sealed record AccountAsOf(
    Guid VolunteerId,
    long Version,
    Instant RecordedAt,
    VolunteerBalance Balance,
    IReadOnlyList<StatementLine> Movements);

/// <summary>
/// "What was the balance on 30 June at 18:00?" answered from the events alone, never from the live documents: the
/// account stream up to an instant (events recorded at or before it) or up to a stream version, folded by the same
/// projections that keep the live balance and statement.
/// </summary>
public static class AccountHistory
{
    private static readonly StatementLineProjection Lines = new();

    /// <summary>Null when the account did not exist yet at that point.</summary>
    public static async Task<AccountAsOf?> AsOfAsync(IQuerySession session, Guid volunteerId, Instant? asOf,
        long? version, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(volunteerId, version: version ?? 0,
            timestamp: asOf?.ToDateTimeOffset(), token: ct);
        if (events.Count == 0) return null;

        var last = events[^1];
        var balance = await session.Events.AggregateStreamAsync<VolunteerBalance>(volunteerId, version: last.Version,
            token: ct);
        var movements = events.Select(Movement).OfType<StatementLine>().ToList();
        return new AccountAsOf(volunteerId, last.Version, Instant.FromDateTimeOffset(last.Timestamp), balance!, movements);
    }

    private static StatementLine? Movement(IEvent e) => e switch
    {
        IEvent<PointsCredited> credited => Lines.Create(credited),
        IEvent<ServiceCreditReversed> reversed => Lines.Create(reversed),
        IEvent<PointsAdjusted> adjusted => Lines.Create(adjusted),
        IEvent<PointsHeld> held => Lines.Create(held),
        IEvent<PointsCaptured> captured => Lines.Create(captured),
        IEvent<PointsReleased> released => Lines.Create(released),
        IEvent<PointsRefunded> refunded => Lines.Create(refunded),
        IEvent<PointsDonated> donated => Lines.Create(donated),
        IEvent<PointsExpired> expired => Lines.Create(expired),
        _ => null
    };
}
