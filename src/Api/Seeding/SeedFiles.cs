using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Seeding;

// The shapes of the JSON files in seeds/. They mirror the API's requests, so a seed is what a clerk would type.

public sealed record CommunitySeed(
    string Code,
    string NameZh,
    string NameEn,
    string City,
    string Street,
    int PermanentResidents);

public sealed record RuleSeed(LocalDate EffectiveFrom, PointRule Rule, string Reason);

public sealed record ActivitySeed(
    string Code,
    string CategoryCode,
    string NameZh,
    string NameEn,
    string Unit,
    string Grounding,
    IReadOnlyList<RuleSeed> Rules);

public sealed record VolunteerSeed(
    Guid VolunteerId,
    string Community,
    string DisplayName,
    string Grid,
    Affiliation[] Affiliations);

public sealed record PatrolTeamSeed(
    Guid TeamId,
    string Community,
    string Name,
    Guid[] OrganizerIds,
    Guid[] MemberIds);
public sealed record RiverSegmentSeed(Guid SegmentId, string Name, int LengthMetres);

public sealed record RiverTeamSeed(
    Guid TeamId,
    string Community,
    string Name,
    Guid[] Members,
    RiverSegmentSeed[] Segments);
public sealed record ElderSeed(
    Guid ElderId,
    string Community,
    string DisplayName,
    AgeBand AgeBand,
    string Grid,
    IReadOnlyList<HelperAssignment> Helpers);

/// <summary>A service's weekly slot: the loader offers the next few of them from the day it runs.</summary>
public sealed record WeeklySlotSeed(IsoDayOfWeek Day, LocalTime Start, LocalTime End, int Capacity);

public sealed record CatalogSeed(
    string Community,
    string Code,
    string NameZh,
    string NameEn,
    ItemClass Class,
    int Price,
    int? Stock,
    WeeklySlotSeed? Weekly,
    int? MonthlyLimit,
    string? Supplier,
    string Grounding);
