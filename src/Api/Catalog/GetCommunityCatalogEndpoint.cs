using Marten;
using NodaTime;
using QunTuan.Api.Communities;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

public sealed record CatalogSlotEntry(Guid SlotId, LocalDate Date, LocalTime Start, LocalTime End, int Capacity,
    int Remaining);

/// <param name="Remaining">Goods: stock − reserved − consumed. Services: the places left in slots still to come.</param>
/// <param name="TakenThisMonth">Units the volunteer holds or took this month (when the catalog is read for one).</param>
/// <param name="LimitAllows">Whether the volunteer's monthly limit allows one more (when read for one).</param>
/// <param name="Affordable">Whether the volunteer's available balance covers the price (when read for one).</param>
public sealed record CatalogEntry(
    Guid ItemId,
    string Code,
    string NameZh,
    string NameEn,
    ItemClass Class,
    int Price,
    int Remaining,
    IReadOnlyList<CatalogSlotEntry> Slots,
    int? MonthlyLimit,
    int? TakenThisMonth,
    bool? LimitAllows,
    bool? Affordable,
    string? Supplier,
    LocalDate? ActiveFrom,
    LocalDate? ActiveUntil,
    bool Delisted);

/// <param name="VolunteerId">The volunteer the limits and balance are read for, if any.</param>
public sealed record CommunityCatalog(Guid CommunityId, Guid? VolunteerId, int? Available,
    IReadOnlyList<CatalogEntry> Items);

public static class GetCommunityCatalogEndpoint
{
    /// <summary>
    /// What a volunteer can get now: items active today with their price, what is left, and, read for a volunteer
    /// (a volunteer always reads it for themself; staff may name one), whether their monthly limit and balance
    /// allow one more. <paramref name="includeInactive"/> also lists delisted items and those outside their window.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/catalog")]
    public static async Task<CommunityCatalog> Get(string communityId, Guid? volunteerId, bool? includeInactive,
        HttpContext context, IQuerySession session, IClock clock, CancellationToken ct)
    {
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var now = clock.GetCurrentInstant();
        var today = ShanghaiCalendar.Today(now);
        var account = await ReaderAccount(context, volunteerId, community.Id, session, ct);

        var items = (await session.Query<CatalogItemView>().Where(x => x.CommunityId == community.Id).ToListAsync(ct))
            .Where(i => includeInactive == true ||
                        (!i.Delisted && (i.ActiveFrom is null || i.ActiveFrom <= today) &&
                         (i.ActiveUntil is null || today <= i.ActiveUntil)))
            .OrderBy(i => i.Class).ThenBy(i => i.Code)
            .Select(i =>
            {
                var slots = i.Slots.Where(s => s.StartsAt > now)
                    .Select(s => new CatalogSlotEntry(s.SlotId, s.Date, s.Start, s.End, s.Capacity, s.Remaining))
                    .ToList();
                var remaining = i.Class == ItemClass.Goods ? i.Remaining : slots.Sum(s => s.Remaining);
                int? taken = account?.RedeemedInMonth(i.Id, ShanghaiCalendar.MonthStart(today));
                bool? allows = account is null ? null : i.MonthlyLimit is not { } limit || taken < limit;
                bool? affordable = account is null ? null : account.Available >= i.Price;
                return new CatalogEntry(i.Id, i.Code, i.NameZh, i.NameEn, i.Class, i.Price, remaining, slots,
                    i.MonthlyLimit, taken, allows, affordable, i.Supplier, i.ActiveFrom, i.ActiveUntil, i.Delisted);
            })
            .ToList();
        return new CommunityCatalog(community.Id, account?.Id, account?.Available, items);
    }

    /// <summary>
    /// The account the catalog is read for: a volunteer's own (naming another volunteer answers like a missing
    /// one), or the one staff name. The decision state is read, so "limit allows" agrees with the decider.
    /// </summary>
    private static async Task<VolunteerAccount?> ReaderAccount(HttpContext context, Guid? volunteerId,
        Guid communityId, IQuerySession session, CancellationToken ct)
    {
        var user = CurrentUser.From(context.User);
        var staff = user is not null && (user.Is(Role.Office) || user.Is(Role.Auditor) || user.Is(Role.Admin));
        var wanted = staff ? volunteerId : volunteerId ?? user?.VolunteerId;
        if (wanted is null) return null;
        if (!staff && wanted != user?.VolunteerId)
            throw LedgerRuleViolation.NotFound("volunteer", wanted, "volunteerId");
        var account = await session.LoadAsync<VolunteerAccount>(wanted.Value, ct);
        return account is not null && account.CommunityId == communityId
            ? account
            : throw LedgerRuleViolation.NotFound("volunteer", wanted, "volunteerId");
    }
}
