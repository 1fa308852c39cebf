using Marten;
using QunTuan.Api.Activities;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Seeding;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Projections.Activities;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.Seeds;

public sealed class when_seeds_are_loaded(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task the_catalog_has_twenty_subcategories_in_two_categories_each_with_a_rule()
    {
        var catalog = await Get<ActivityCatalog>("/api/activities");

        catalog.Categories.Select(c => (c.Code, c.NameZh)).ShouldBe([("CB", "社区建设"), ("PV", "公益美德")]);
        catalog.Categories.ShouldAllBe(c => c.Activities.Count == 10);
        catalog.Categories.SelectMany(c => c.Activities).ShouldAllBe(a => a.CurrentRule != null);
        catalog.Categories.SelectMany(c => c.Activities).Select(a => a.Code).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public async Task lanhua_and_its_volunteers_are_real_event_history()
    {
        var lanhua = await Get<CommunityDetails>("/api/communities/lanhua");
        lanhua.Community.NameZh.ShouldBe("兰花社区");
        lanhua.Community.City.ShouldBe("兰溪市");
        lanhua.Community.Street.ShouldBe("兰江街道");
        lanhua.Community.PermanentResidents.ShouldBe(16936);
        lanhua.RegisteredVolunteers.ShouldBe(Seeded.VolunteerCount);

        await using var session = Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(Seeded.ZhangXiaomei);
        stream.ShouldHaveSingleItem().Data.ShouldBeOfType<QunTuan.Ledger.Volunteers.VolunteerRegistered>();
    }

    [Fact]
    public async Task loading_them_again_changes_nothing()
    {
        var events = await EventCount();
        var volunteers = await Get<ResultPage<QunTuan.Api.Volunteers.VolunteerView>>("/api/communities/lanhua/volunteers?pageSize=100");
        var activities = await LoadActivities();

        var report = await SeedLoader.LoadAsync(Store, App.Clock, SeedLoader.DefaultDirectory, CancellationToken.None);

        report.Applied.ShouldBe(0);
        // A community, 20 activities, the volunteers, then each elder's registration and pairing.
        // ... then the patrol team, the river team and the catalog's items.
        report.AlreadyPresent.ShouldBe(1 + 20 + Seeded.VolunteerCount + 2 * Seeded.ElderCount + 1 + 1 + Seeded.CatalogItemCount);
        (await EventCount()).ShouldBe(events);
        (await Get<ResultPage<QunTuan.Api.Volunteers.VolunteerView>>("/api/communities/lanhua/volunteers?pageSize=100")).Items
            .Select(Describe).ShouldBe(volunteers.Items.Select(Describe));
        (await LoadActivities()).Select(a => a.Rules.Count).ShouldBe(activities.Select(a => a.Rules.Count));
    }

    [Fact]
    public async Task lanhua_has_one_patrol_team_of_its_own_volunteers_and_no_shifts()
    {
        await using var session = Store.QuerySession();
        var team = (await session.Query<PatrolTeamView>().ToListAsync()).ShouldHaveSingleItem();
        team.Id.ShouldBe(Guid.Parse("00000000-0000-7000-8100-000000000001"));
        team.CommunityId.ShouldBe(Seeded.Lanhua);
        team.Roster.Count(m => m.Role == QunTuan.Ledger.Patrols.PatrolTeamRole.Organizer).ShouldBeInRange(1, 2);
        team.Roster.Count(m => m.Role == QunTuan.Ledger.Patrols.PatrolTeamRole.Member).ShouldBeInRange(6, 8);
        var volunteers = (await session.Query<VolunteerProfile>().ToListAsync()).ToDictionary(v => v.Id);
        team.Roster.ShouldAllBe(m => volunteers[m.VolunteerId].CommunityId == Seeded.Lanhua);
        (await session.Query<PatrolShiftView>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task lanhua_has_a_river_team_guarding_two_segments()
    {
        var team = await Get<RiverTeamView>("/api/river-teams/00000000-0000-7000-8000-0000000a0001");

        team.CommunityId.ShouldBe(Seeded.Lanhua);
        team.Name.ShouldBe("兰花社区“河小二”护河队");
        team.Members.Length.ShouldBeInRange(4, 6);
        team.Members.ShouldAllBe(m => m.VolunteerId.ToString().StartsWith("00000000-0000-7000-8000-0000000000"));
        team.Segments.Select(s => (s.Name, s.LengthMetres)).ShouldBe([("兰江兰花段", 1200), ("社区内河", 800)]);
    }

    [Fact]
    public async Task lanhua_has_the_proposed_catalog_with_slots_in_the_coming_weeks()
    {
        var catalog = await Get<QunTuan.Api.Catalog.CommunityCatalog>("/api/communities/lanhua/catalog");

        catalog.Items.Count.ShouldBe(Seeded.CatalogItemCount);
        var goods = catalog.Items.Where(i => i.Class == QunTuan.Ledger.Catalog.ItemClass.Goods).ToList();
        var services = catalog.Items.Where(i => i.Class == QunTuan.Ledger.Catalog.ItemClass.Service).ToList();
        goods.Count.ShouldBe(12);
        services.Count.ShouldBe(12);
        goods.ShouldAllBe(g => g.Remaining > 0 && g.Slots.Count == 0);
        catalog.Items.Single(i => i.Code == "G01").Price.ShouldBe(30);
        var haircut = catalog.Items.Single(i => i.Code == "S01");
        (haircut.NameZh, haircut.Price).ShouldBe(("公益理发", 20));
        // Four Tuesdays 09:00-11:00 after the day the seeds were loaded (Monday 2026-11-23), 6 places each.
        haircut.Slots.Select(s => s.Date).ShouldBe(
            [new NodaTime.LocalDate(2026, 11, 24), new(2026, 12, 1), new(2026, 12, 8), new(2026, 12, 15)]);
        haircut.Slots.ShouldAllBe(s => s.Start == new NodaTime.LocalTime(9, 0) && s.Capacity == 6 && s.Remaining == 6);
        services.ShouldAllBe(s => s.Slots.Count == 4);
        catalog.Items.ShouldAllBe(i => i.MonthlyLimit > 0 && i.Supplier != null && i.ActiveUntil == null);
    }

    [Fact]
    public async Task loading_them_weeks_later_adds_the_slots_that_came_into_range_and_nothing_else()
    {
        App.Clock.Advance(NodaTime.Duration.FromDays(7));
        var events = await EventCount();

        var report = await SeedLoader.LoadAsync(Store, App.Clock, SeedLoader.DefaultDirectory, CancellationToken.None);

        report.Applied.ShouldBe(12); // one new weekly slot for each of the twelve services
        (await EventCount()).ShouldBe(events + 12);
        var haircut = await Get<QunTuan.Projections.Catalog.CatalogItemView>(
            $"/api/catalog-items/{QunTuan.Ledger.Catalog.CatalogIds.Item(Seeded.Lanhua, "S01")}");
        haircut.Slots.Select(s => s.Date).Last().ShouldBe(new NodaTime.LocalDate(2026, 12, 22));
    }

    private static string Describe(QunTuan.Api.Volunteers.VolunteerView v) =>
        $"{v.Id} {v.DisplayName} {v.Grid} {string.Join(",", v.Affiliations)} {v.RegisteredAt}";

    private async Task<IReadOnlyList<ActivityView>> LoadActivities()
    {
        await using var session = Store.QuerySession();
        return await session.Query<ActivityView>().OrderBy(a => a.Code).ToListAsync();
    }
}
