using Marten;
using Marten.Pagination;
using NodaTime;
using QunTuan.Api.Audit;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Activities;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Statements;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

public sealed record StatementEntry(
    long Version,
    Instant At,
    MovementKind Kind,
    int Points,
    int Minutes,
    int BalanceAfter,
    LocalDate? ServiceDate,
    string? ActivityCode,
    string? ActivityNameZh,
    string? ActivityNameEn,
    Guid? RecordId,
    string? RuleId,
    int? RuleVersion,
    string? Reason,
    string? Note,
    string Actor,
    Guid? RedemptionId,
    string? ItemCode,
    string? ItemNameZh,
    string? ItemNameEn,
    int HeldChange,
    int? HeldAfter);

/// <param name="AsOfVersion">Set when the statement was folded from the events up to that account version
/// (<c>asOf</c> or <c>version</c>), rather than read from the live documents.</param>
public sealed record Statement(Guid VolunteerId, VolunteerBalance Balance, ResultPage<StatementEntry> Movements,
    long? AsOfVersion = null);

public static class GetStatementEndpoint
{
    /// <summary>
    /// Every movement on the account, newest first, with who made it and the rule version behind it; redemption
    /// movements name the item and show the points held for open requests. With <c>asOf</c> or <c>version</c>,
    /// the statement as it stood then, folded from the account's events.
    /// </summary>
    [WolverineGet("/api/volunteers/{volunteerId}/statement")]
    public static async Task<Statement> Get(string volunteerId, int? page, int? pageSize, string? asOf, string? version,
        IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize, defaultSize: 50);
        var id = Ids.FromRoute(volunteerId, "volunteer");
        var point = AuditQuery.AsOf(asOf, version);
        var activities = (await session.Query<ActivityView>().ToListAsync(ct)).ToDictionary(a => a.Code);

        if (point is not null)
        {
            var history = await AuditQuery.History(session, id, volunteerId, point.Value, ct);
            var itemsThen = await Items(session, history.Balance.CommunityId, ct);
            var newest = history.Movements.OrderByDescending(l => l.Version).Skip(paging.Skip).Take(paging.PageSize);
            return new Statement(id, history.Balance, new ResultPage<StatementEntry>(
                newest.Select(l => Entry(l, activities, itemsThen)).ToList(), paging.Page, paging.PageSize,
                history.Movements.Count), history.Version);
        }

        var balance = await session.LoadAsync<VolunteerBalance>(id, ct)
                      ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);
        var lines = await session.Query<StatementLine>()
            .Where(x => x.VolunteerId == id)
            .OrderByDescending(x => x.Version)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);

        var items = await Items(session, balance.CommunityId, ct);
        var entries = lines.Select(l => Entry(l, activities, items)).ToList();
        return new Statement(id, balance,
            new ResultPage<StatementEntry>(entries, paging.Page, paging.PageSize, lines.TotalItemCount));
    }

    private static async Task<IReadOnlyDictionary<string, CatalogItemView>> Items(IQuerySession session,
        Guid communityId, CancellationToken ct) =>
        (await session.Query<CatalogItemView>().Where(i => i.CommunityId == communityId).ToListAsync(ct))
        .ToDictionary(i => i.Code);

    private static StatementEntry Entry(StatementLine l, IReadOnlyDictionary<string, ActivityView> activities,
        IReadOnlyDictionary<string, CatalogItemView> items)
    {
        var activity = l.ActivityCode is null ? null : activities.GetValueOrDefault(l.ActivityCode);
        var item = l.ItemCode is null ? null : items.GetValueOrDefault(l.ItemCode);
        return new StatementEntry(l.Version, l.At, l.Kind, l.Points, l.Minutes, l.BalanceAfter, l.ServiceDate,
            l.ActivityCode, activity?.NameZh, activity?.NameEn, l.RecordId, l.RuleId, l.RuleVersion, l.Reason,
            l.Note, l.Actor, l.RedemptionId, l.ItemCode, item?.NameZh, item?.NameEn, l.HeldChange, l.HeldAfter);
    }
}
