using System.Text.Json;
using Marten;
using Marten.Schema;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Activities;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Communities;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Seeding;

public sealed record SeedReport(int Applied, int AlreadyPresent);

/// <summary>
/// Loads seeds/ through the same handlers as real use, so seeded data is real event history. Every seed has a
/// stable id: what already exists is skipped, so loading twice changes nothing. Independent commands share one
/// transaction per kind (all volunteers, all elders...), and a kind that depends on another starts after it
/// committed: the handlers read what they depend on from the store.
/// </summary>
public static class SeedLoader
{
    public const string Actor = "seed";

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static async Task<SeedReport> LoadAsync(IDocumentStore store, IClock clock, string directory,
        CancellationToken ct)
    {
        var json = new JsonSerializerOptions();
        JsonSetup.Configure(json);

        var applied = 0;
        var present = 0;
        var session = Open(store);

        async Task Apply(Func<IDocumentSession, Task<bool>> step)
        {
            if (await step(session)) applied++;
            else present++;
        }

        async Task Commit()
        {
            await session.SaveChangesAsync(ct);
            await session.DisposeAsync();
            session = Open(store);
        }

        foreach (var c in await Read<CommunitySeed>(directory, "communities.json", json, ct))
            await Apply(async s =>
            {
                if (await s.LoadAsync<CommunityView>(DeterministicId.ForCommunity(c.Code), ct) is not null) return false;
                await RegisterCommunityHandler.Handle(new RegisterCommunity(c.Code, c.NameZh, c.NameEn, c.City,
                    c.Street, c.PermanentResidents, Actor), s, clock, ct);
                return true;
            });
        await Commit();

        // Version by version: a later rule version is published onto the activity the earlier one committed.
        var activities = await Read<ActivitySeed>(directory, "activities.json", json, ct);
        for (var version = 1; version <= activities.Select(a => a.Rules.Count).DefaultIfEmpty(0).Max(); version++)
        {
            var wanted = version;
            foreach (var a in activities.Where(a => a.Rules.Count >= wanted))
            {
                var rule = a.Rules[wanted - 1];
                await Apply(async s =>
                {
                    var existing = await s.LoadAsync<ActivityView>(DeterministicId.ForActivity(a.Code), ct);
                    if ((existing?.Rules.Count ?? 0) >= wanted) return false;
                    if (wanted == 1)
                        await DefineActivityHandler.Handle(new DefineActivity(a.Code, a.CategoryCode, a.NameZh, a.NameEn,
                            a.Unit, rule.EffectiveFrom, rule.Rule, Actor), s, clock, ct);
                    else
                        await PublishPointRuleHandler.Handle(
                            new PublishPointRule(a.Code, rule.EffectiveFrom, rule.Rule, rule.Reason, Actor), s, clock, ct);
                    return true;
                });
            }
            await Commit();
        }

        foreach (var v in await Read<VolunteerSeed>(directory, "volunteers.json", json, ct))
            await Apply(async s =>
            {
                if (await s.LoadAsync<VolunteerProfile>(v.VolunteerId, ct) is not null) return false;
                await RegisterVolunteerHandler.Handle(new RegisterVolunteer(v.VolunteerId,
                    DeterministicId.ForCommunity(v.Community), v.DisplayName, v.Grid, v.Affiliations, Actor), s, clock, ct);
                return true;
            });
        await Commit();

        // Teams only: a seeded shift's dates would be stale on whatever day the seeds are loaded.
        foreach (var t in await Read<PatrolTeamSeed>(directory, "patrol-teams.json", json, ct))
            await Apply(async s =>
            {
                if (await s.LoadAsync<PatrolTeamView>(t.TeamId, ct) is not null) return false;
                await FormPatrolTeamHandler.Handle(new FormPatrolTeam(t.TeamId, DeterministicId.ForCommunity(t.Community),
                    t.Name, t.OrganizerIds, t.MemberIds, Actor), s, clock, ct);
                return true;
            });
        await Commit();

        // A team is formed when missing; members and segments the file gained since are then added one step
        // each, so an edited seed file converges instead of being ignored.
        foreach (var t in await Read<RiverTeamSeed>(directory, "river-teams.json", json, ct))
        {
            await Apply(async s =>
            {
                if (await s.LoadAsync<RiverTeamView>(t.TeamId, ct) is not null) return false;
                await FormRiverTeamHandler.Handle(new FormRiverTeam(t.TeamId, DeterministicId.ForCommunity(t.Community),
                    t.Name, t.Members, t.Segments.Select(g => new SegmentSpec(g.SegmentId, g.Name, g.LengthMetres))
                        .ToArray(), Actor), s, clock, ct);
                return true;
            });
            await Commit();

            // Each later change to a team locks its stream, so each commits on its own.
            RiverTeamView team;
            await using (var query = store.QuerySession())
                team = (await query.LoadAsync<RiverTeamView>(t.TeamId, ct))!;
            foreach (var member in t.Members.Where(m => team.Members.All(x => x.VolunteerId != m)))
            {
                await Apply(async s =>
                {
                    await JoinRiverTeamHandler.Handle(new JoinRiverTeam(t.TeamId, member, Actor), s, clock, ct);
                    return true;
                });
                await Commit();
            }
            foreach (var g in t.Segments.Where(g => team.Segments.All(x => x.SegmentId != g.SegmentId)))
            {
                await Apply(async s =>
                {
                    await AddRiverSegmentHandler.Handle(
                        new AddRiverSegment(t.TeamId, g.SegmentId, g.Name, g.LengthMetres, Actor), s, clock, ct);
                    return true;
                });
                await Commit();
            }
        }

        var elders = await Read<ElderSeed>(directory, "elders.json", json, ct);
        foreach (var e in elders)
            await Apply(async s =>
            {
                if (await s.LoadAsync<ElderView>(e.ElderId, ct) is not null) return false;
                await RegisterElderHandler.Handle(new RegisterElder(e.ElderId, DeterministicId.ForCommunity(e.Community),
                    e.DisplayName, e.AgeBand, e.Grid, Actor), s, clock, ct);
                return true;
            });
        await Commit();
        // Only an elder never paired gets the seeded helpers: once the office has changed a pairing, a restart
        // must not put the seeded helpers back.
        foreach (var e in elders)
            await Apply(async s =>
            {
                if (await s.LoadAsync<ElderView>(e.ElderId, ct) is not { PairingHistory.Count: 0 }) return false;
                await PairElderHelpersHandler.Handle(new PairElderHelpers(e.ElderId, e.Helpers, Actor), s, clock, ct);
                return true;
            });
        await Commit();

        // Goods keep their stock; services get dated slots for the next few weeks counted from the day the seeds
        // load, so the demo catalog is never stale: a restart weeks later adds the slots that have come into
        // range (ids come from item, day and time, so nothing is added twice).
        var listed = (await session.Query<CatalogItemView>().ToListAsync(ct)).ToDictionary(i => i.Id);
        var today = ShanghaiCalendar.Today(clock.GetCurrentInstant());
        foreach (var c in await Read<CatalogSeed>(directory, "catalog.json", json, ct))
        {
            var communityId = DeterministicId.ForCommunity(c.Community);
            var itemId = CatalogIds.Item(communityId, c.Code);
            var slots = c.Weekly is { } w ? UpcomingSlots(w, today) : [];
            if (!listed.TryGetValue(itemId, out var item))
            {
                await Apply(async s =>
                {
                    await ListCatalogItemHandler.Handle(new ListCatalogItem(communityId, c.Code, c.NameZh, c.NameEn,
                        c.Class, c.Price, c.Stock, c.Weekly is null ? null : slots, c.MonthlyLimit, null, null,
                        c.Supplier, Actor), s, clock, ct);
                    return true;
                });
                continue;
            }
            present++;
            foreach (var slot in slots.Where(x => item.Slots.All(y => y.SlotId != CatalogIds.Slot(itemId, x.Date, x.Start))))
            {
                await Apply(async s =>
                {
                    await AddCatalogSlotHandler.Handle(new AddCatalogSlot(itemId, slot, Actor), s, clock, ct);
                    return true;
                });
                await Commit();
            }
        }
        await Commit();
        await session.DisposeAsync();

        return new SeedReport(applied, present);
    }

    public const int SlotWeeksAhead = 4;

    /// <summary>The next <see cref="SlotWeeksAhead"/> occurrences of a weekly slot after <paramref name="today"/>.</summary>
    public static IReadOnlyList<SlotSpec> UpcomingSlots(WeeklySlotSeed weekly, LocalDate today) =>
        Enumerable.Range(1, 7 * SlotWeeksAhead).Select(today.PlusDays)
            .Where(d => d.DayOfWeek == weekly.Day)
            .Select(d => new SlotSpec(d, weekly.Start, weekly.End, weekly.Capacity))
            .ToList();

    private static IDocumentSession Open(IDocumentStore store)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = Actor;
        return session;
    }

    private static async Task<IReadOnlyList<T>> Read<T>(string directory, string file, JsonSerializerOptions json,
        CancellationToken ct)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) return [];
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, json, ct)
               ?? throw new InvalidDataException($"{path} is empty");
    }
}

/// <summary>
/// Marten initial data: applied when the host starts and again after every <c>ResetAllData</c>, when
/// <c>Seeding:Enabled</c> is true (run.sh and the tests set it).
/// </summary>
public sealed class SeedData(IClock clock, IConfiguration config, ILogger<SeedData> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        var directory = config["Seeding:Path"] is { Length: > 0 } path ? path : SeedLoader.DefaultDirectory;
        var report = await SeedLoader.LoadAsync(store, clock, directory, ct);
        logger.LogInformation("Seeds from {Directory}: {Applied} applied, {Present} already present", directory,
            report.Applied, report.AlreadyPresent);
    }
}
