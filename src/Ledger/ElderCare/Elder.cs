using System.Collections.Immutable;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ElderCare;

/// <summary>
/// One stretch of a volunteer in a helper place: from the Shanghai day it was paired, up to (not including)
/// the day it was unpaired. A pairing owns the day it starts and not the day it ends, so on the day of a
/// change only the new helper may log visits.
/// </summary>
public sealed record HelperSpan(Guid VolunteerId, HelperRole Role, LocalDate From, LocalDate? Until)
{
    public bool IsCurrent => Until is null;

    public bool Covers(LocalDate date) => From <= date && (Until is null || date < Until);
}

/// <summary>Decision state of an elder: the community, and every helper stretch (for "paired on that date").</summary>
public sealed record Elder(Guid Id, Guid CommunityId, ImmutableList<HelperSpan> Spans)
{
    public static Elder Create(ElderRegistered e) => new(e.ElderId, e.CommunityId, []);

    public Elder Apply(ElderHelperPaired e) =>
        this with { Spans = Spans.Add(new HelperSpan(e.VolunteerId, e.Role, ShanghaiCalendar.Today(e.PairedAt), null)) };

    public Elder Apply(ElderHelperUnpaired e)
    {
        var open = Spans.FindLastIndex(s => s.IsCurrent && s.VolunteerId == e.VolunteerId && s.Role == e.Role);
        return open < 0
            ? this
            : this with { Spans = Spans.SetItem(open, Spans[open] with { Until = ShanghaiCalendar.Today(e.UnpairedAt) }) };
    }

    /// <summary>Who holds each place now.</summary>
    public IReadOnlyDictionary<HelperRole, Guid> CurrentHelpers =>
        Spans.Where(s => s.IsCurrent).ToDictionary(s => s.Role, s => s.VolunteerId);

    /// <summary>The place the volunteer held with this elder on <paramref name="date"/>, if any.</summary>
    public HelperRole? RoleOn(Guid volunteerId, LocalDate date) =>
        Spans.LastOrDefault(s => s.VolunteerId == volunteerId && s.Covers(date))?.Role;
}
