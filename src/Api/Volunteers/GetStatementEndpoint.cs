using Marten;
using Marten.Pagination;
using NodaTime;
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

public sealed record Statement(Guid VolunteerId, VolunteerBalance Balance, ResultPage<StatementEntry> Movements);

public static class GetStatementEndpoint
{
    /// <summary>Every movement on the account, newest first, with who made it and the rule version behind it;
    /// redemption movements name the item and show the points held for open requests.</summary>
    [WolverineGet("/api/volunteers/{volunteerId}/statement")]
    public static async Task<Statement> Get(string volunteerId, int? page, int? pageSize, IQuerySession session,
        CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize, defaultSize: 50);
        var id = Ids.FromRoute(volunteerId, "volunteer");
        var balance = await session.LoadAsync<VolunteerBalance>(id, ct)
                      ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);
        var lines = await session.Query<StatementLine>()
            .Where(x => x.VolunteerId == id)
            .OrderByDescending(x => x.Version)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        var activities = (await session.Query<ActivityView>().ToListAsync(ct)).ToDictionary(a => a.Code);
        var items = (await session.Query<CatalogItemView>().Where(i => i.CommunityId == balance.CommunityId)
            .ToListAsync(ct)).ToDictionary(i => i.Code);

        var entries = lines.Select(l =>
        {
            var activity = l.ActivityCode is null ? null : activities.GetValueOrDefault(l.ActivityCode);
            var item = l.ItemCode is null ? null : items.GetValueOrDefault(l.ItemCode);
            return new StatementEntry(l.Version, l.At, l.Kind, l.Points, l.Minutes, l.BalanceAfter, l.ServiceDate,
                l.ActivityCode, activity?.NameZh, activity?.NameEn, l.RecordId, l.RuleId, l.RuleVersion, l.Reason,
                l.Note, l.Actor, l.RedemptionId, l.ItemCode, item?.NameZh, item?.NameEn, l.HeldChange, l.HeldAfter);
        }).ToList();
        return new Statement(id, balance,
            new ResultPage<StatementEntry>(entries, paging.Page, paging.PageSize, lines.TotalItemCount));
    }
}
