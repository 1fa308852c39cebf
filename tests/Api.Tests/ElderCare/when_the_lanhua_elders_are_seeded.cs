using QunTuan.Api.ElderCare;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>「社区30位70周岁以上的独居老人，每人都有一位网格长、一位网格员（工会会员）和一位在册党员」.</summary>
public sealed class when_the_lanhua_elders_are_seeded(AppFixture fixture) : ElderScenarios(fixture)
{
    [Fact]
    public async Task thirty_elders_each_have_a_grid_leader_a_union_grid_member_and_a_party_member_nearby()
    {
        var elders = (await Get<ResultPage<ElderView>>("/api/communities/lanhua/elders?pageSize=100")).Items;
        var volunteers = (await Get<ResultPage<QunTuan.Api.Volunteers.VolunteerView>>("/api/communities/lanhua/volunteers?pageSize=100"))
            .Items.ToDictionary(v => v.Id);

        elders.Count.ShouldBe(30);
        elders.Select(e => e.Id).Order().ShouldBe(Enumerable.Range(1, 30).Select(Seeded.Elder).Order());
        elders.GroupBy(e => e.Grid).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key).ShouldBe(
            Enumerable.Range(1, 6).Select(n => ($"第{n}网格", 5)));
        elders.Select(e => e.AgeBand).Distinct().Order().ShouldBe(
            [AgeBand.Aged70To79, AgeBand.Aged80To89, AgeBand.Aged90Plus]);

        foreach (var elder in elders)
        {
            elder.Helpers.Select(h => h.Role).Order().ToList().ShouldBe(
                [HelperRole.GridLeader, HelperRole.GridMember, HelperRole.PartyMember], elder.DisplayName);
            elder.Helpers.Select(h => h.VolunteerId).Distinct().Count().ShouldBe(3, elder.DisplayName);
            elder.PairingHistory.ShouldAllBe(p => p.Change == PairingChangeKind.Paired && p.By == "seed");
            foreach (var helper in elder.Helpers)
            {
                var volunteer = volunteers[helper.VolunteerId];
                GridNumber(volunteer.Grid).ShouldBeInRange(GridNumber(elder.Grid) - 1, GridNumber(elder.Grid) + 1);
                if (helper.Role == HelperRole.GridMember) volunteer.Affiliations.ShouldContain(Affiliation.UnionMember);
                if (helper.Role == HelperRole.PartyMember) volunteer.Affiliations.ShouldContain(Affiliation.PartyMember);
            }
        }

        var load = elders.SelectMany(e => e.Helpers).GroupBy(h => h.VolunteerId).Select(g => g.Count()).ToList();
        load.Sum().ShouldBe(90);
        load.Max().ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task every_seeded_helper_may_log_a_visit_today()
    {
        var elder = (await Get<ElderDetails>($"/api/elders/{Seeded.Elder(30)}")).Elder;

        foreach (var helper in elder.Helpers)
            (await Visited(elder.Id, helper.VolunteerId)).Points.ShouldBe(5);
        (await Coverage(elder.Id)).VisitsToday.ShouldBe(3);
    }

    private static int GridNumber(string grid) => int.Parse(grid.Trim('第', '网', '格'));
}
