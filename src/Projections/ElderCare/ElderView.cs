using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.ElderCare;

namespace QunTuan.Projections.ElderCare;

public enum PairingChangeKind
{
    Paired,
    Unpaired
}

public sealed record CurrentHelper(HelperRole Role, Guid VolunteerId, Instant Since);

/// <summary>One line of the pairing history: who took or left which place, when, and on whose say.</summary>
public sealed record PairingChange(PairingChangeKind Change, HelperRole Role, Guid VolunteerId, Instant At, string By);

/// <summary>An elder with their helpers now and the whole pairing history, oldest first.</summary>
public sealed record ElderView(
    Guid Id,
    Guid CommunityId,
    string DisplayName,
    AgeBand AgeBand,
    string Grid,
    Instant RegisteredAt,
    string RegisteredBy,
    IReadOnlyList<CurrentHelper> Helpers,
    IReadOnlyList<PairingChange> PairingHistory);

public sealed partial class ElderViewProjection : SingleStreamProjection<ElderView, Guid>
{
    public ElderView Create(ElderRegistered e) =>
        new(e.ElderId, e.CommunityId, e.DisplayName, e.AgeBand, e.Grid, e.RegisteredAt, e.RegisteredBy, [], []);

    public ElderView Apply(ElderHelperPaired e, ElderView view) =>
        view with
        {
            Helpers = [..view.Helpers.Where(h => h.Role != e.Role), new CurrentHelper(e.Role, e.VolunteerId, e.PairedAt)],
            PairingHistory = [..view.PairingHistory,
                new PairingChange(PairingChangeKind.Paired, e.Role, e.VolunteerId, e.PairedAt, e.PairedBy)]
        };

    public ElderView Apply(ElderHelperUnpaired e, ElderView view) =>
        view with
        {
            Helpers = [..view.Helpers.Where(h => h.Role != e.Role || h.VolunteerId != e.VolunteerId)],
            PairingHistory = [..view.PairingHistory,
                new PairingChange(PairingChangeKind.Unpaired, e.Role, e.VolunteerId, e.UnpairedAt, e.UnpairedBy)]
        };
}
