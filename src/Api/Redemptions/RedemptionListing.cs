using Marten;
using NodaTime;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Redemptions;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Chest;
using QunTuan.Projections.Redemptions;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Redemptions;

/// <param name="PayerAvailable">The payer's available balance now (the volunteer's, or the chest's for a grant).</param>
public sealed record RedemptionEntry(
    RedemptionView Redemption,
    string? ItemNameZh,
    string? ItemNameEn,
    LocalDate? SlotDate,
    LocalTime? SlotStart,
    LocalTime? SlotEnd,
    string? VolunteerName,
    int? PayerAvailable);

/// <summary>Joins what a clerk needs next to each redemption: the item's names, the slot, who asked, and what
/// the payer has available now, in a few round trips for a whole page.</summary>
public static class RedemptionListing
{
    public static async Task<IReadOnlyList<RedemptionEntry>> Entries(IQuerySession session,
        IReadOnlyList<RedemptionView> redemptions, CancellationToken ct)
    {
        var items = (await session.LoadManyAsync<CatalogItemView>(ct, redemptions.Select(r => r.ItemId).Distinct()))
            .ToDictionary(i => i.Id);
        var volunteerIds = redemptions.Where(r => r.VolunteerId is not null).Select(r => r.VolunteerId!.Value).ToList();
        var names = await VolunteerNames.Load(session, volunteerIds, ct);
        var balances = (await session.LoadManyAsync<VolunteerBalance>(ct,
                redemptions.Where(r => r.PayerKind == PayerKind.Volunteer).Select(r => r.PayerId).Distinct()))
            .ToDictionary(b => b.Id, b => b.Available);
        var chests = (await session.LoadManyAsync<ChestView>(ct,
                redemptions.Where(r => r.PayerKind == PayerKind.Chest).Select(r => r.PayerId).Distinct()))
            .ToDictionary(c => c.Id, c => c.Available);

        return redemptions.Select(r =>
        {
            var item = items.GetValueOrDefault(r.ItemId);
            var slot = r.SlotId is { } s ? item?.Slots.FirstOrDefault(x => x.SlotId == s) : null;
            int? available = r.PayerKind == PayerKind.Volunteer
                ? balances.TryGetValue(r.PayerId, out var v) ? v : null
                : chests.TryGetValue(r.PayerId, out var c) ? c : null;
            return new RedemptionEntry(r, item?.NameZh, item?.NameEn, slot?.Date, slot?.Start, slot?.End,
                r.VolunteerId is { } id ? names.GetValueOrDefault(id) : null, available);
        }).ToList();
    }

    public static RedemptionStatus? ParseStatus(string? status, RedemptionStatus? fallback)
    {
        if (string.IsNullOrWhiteSpace(status)) return fallback;
        var normal = status.Replace("_", "");
        return Enum.TryParse<RedemptionStatus>(normal, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)
            ? parsed
            : throw new QunTuan.Api.Infrastructure.RequestRejected("status", "unknown_status",
                "status 须为 requested、approved、rejected、cancelled、expired、fulfilled 或 refunded / status must be requested, approved, rejected, cancelled, expired, fulfilled or refunded");
    }
}
