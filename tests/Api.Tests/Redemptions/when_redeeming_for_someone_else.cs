using System.Net;
using QunTuan.Api.Beneficiaries;
using QunTuan.Api.Chest;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Beneficiaries;
using QunTuan.Ledger.Redemptions;
using QunTuan.Projections.Chest;

namespace QunTuan.Api.Tests.Redemptions;

/// <summary>代兑 and the community chest (爱心池): a volunteer redeems for an elder or a household of their
/// community, volunteers give points to the chest, and the office grants chest points to a beneficiary.</summary>
public sealed class when_redeeming_for_someone_else(AppFixture fixture) : RedemptionScenarios(fixture)
{
    [Fact]
    public async Task a_volunteer_redeems_for_a_seeded_elder_from_their_own_points()
    {
        await Give(Seeded.ZhangXiaomei, 30);

        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift, beneficiaryId: Seeded.Elder(5));

        (requested.BeneficiaryKind, requested.BeneficiaryId, requested.PayerId)
            .ShouldBe((BeneficiaryKind.Elder, Seeded.Elder(5), Seeded.ZhangXiaomei));
        (await Balance(Seeded.ZhangXiaomei)).Held.ShouldBe(10);
        (await View(requested.RedemptionId)).VolunteerId.ShouldBe(Seeded.ZhangXiaomei);
    }

    [Fact]
    public async Task a_registered_household_is_a_beneficiary_and_another_communitys_is_not()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        var household = await Household("第3网格困难户 A");
        await ForeignCommunityWithVolunteer();
        var registered = await Post("/api/communities/meihua/households",
            new RegisterHouseholdRequest("梅花困难户", "第1网格", HouseholdCircumstance.Disability), user: TestUsers.Admin());
        var foreign = (await Read<HouseholdRegistered>(registered)).HouseholdId;

        (await Requested(Seeded.ZhangXiaomei, SmallGift, beneficiaryId: household)).BeneficiaryKind
            .ShouldBe(BeneficiaryKind.Household);
        await (await Request(Seeded.ZhangXiaomei, SmallGift, beneficiaryId: foreign))
            .ShouldBeProblem(404, "beneficiary_not_found", "beneficiaryId");
        var listed = await GetAs<QunTuan.Api.Infrastructure.ResultPage<QunTuan.Projections.Beneficiaries.HouseholdView>>(
            TestUsers.Volunteer(Seeded.ZhangXiaomei), "/api/communities/lanhua/households");
        listed.Items.ShouldHaveSingleItem().Label.ShouldBe("第3网格困难户 A");
    }

    [Fact]
    public async Task donations_fill_the_chest_and_the_office_grants_from_it_to_a_beneficiary()
    {
        await Give(Seeded.ZhangXiaomei, 50);
        await Give(Seeded.LiJianguo, 50);
        await Donate(Seeded.ZhangXiaomei, 30, "献给困难户 / for households in need");
        await Donate(Seeded.LiJianguo, 20);
        var household = await Household("第2网格困难户 B");

        var granted = await Post("/api/communities/lanhua/chest/grants",
            new GrantFromChestRequest(SeededItem("G08"), household)); // rice, 60 points
        await granted.ShouldBeProblem(409, "insufficient_balance");
        var grant = await Read<RedemptionResponse>(await Ok(Post("/api/communities/lanhua/chest/grants",
            new GrantFromChestRequest(SeededItem("G09"), household)))); // cooking oil, 50 points
        (grant.PayerKind, grant.VolunteerId, grant.BeneficiaryId).ShouldBe((PayerKind.Chest, (Guid?)null, household));

        var queued = await Get<QunTuan.Api.Infrastructure.ResultPage<RedemptionEntry>>("/api/communities/lanhua/redemptions");
        queued.Items.ShouldHaveSingleItem().PayerAvailable.ShouldBe(0);
        var approved = await Approved(grant.RedemptionId);
        (await Fulfil(grant.RedemptionId, approved.PickupCode!)).ShouldBe(HttpStatusCode.OK);

        var chest = await Get<ChestStatement>("/api/communities/lanhua/chest");
        (chest.Chest.Available, chest.Chest.Held, chest.Chest.DonationsReceived, chest.Chest.Granted)
            .ShouldBe((0, 0, 50, 50));
        chest.Movements.Items.Select(l => (l.Kind, l.Points, l.HeldChange, l.BalanceAfter)).ShouldBe([
            (ChestMovementKind.Capture, 0, -50, 0),
            (ChestMovementKind.Hold, -50, 50, 0),
            (ChestMovementKind.Donation, 20, 0, 50),
            (ChestMovementKind.Donation, 30, 0, 30)
        ]);
        chest.Movements.Items[1].BeneficiaryId.ShouldBe(household);
        chest.Movements.Items[3].VolunteerId.ShouldBe(Seeded.ZhangXiaomei);
    }

    [Fact]
    public async Task a_volunteer_donates_only_what_they_have_and_only_from_their_own_account()
    {
        await Give(Seeded.ZhangXiaomei, 10);

        await (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/donations", new DonatePointsRequest(11),
            user: TestUsers.Volunteer(Seeded.ZhangXiaomei))).ShouldBeProblem(409, "insufficient_balance", "points");
        await (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/donations", new DonatePointsRequest(5),
            user: TestUsers.Volunteer(Seeded.LiJianguo))).ShouldBeProblem(404, "volunteer_not_found");
        (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/donations", new DonatePointsRequest(5)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(10);
    }

    [Fact]
    public async Task a_community_registered_before_chests_existed_gets_its_chest_on_first_use()
    {
        var zhuhua = QunTuan.Ledger.Shared.DeterministicId.ForCommunity("zhuhua");
        await using (var session = Store.LightweightSession())
        {
            // Its history from before this feature: the registration alone, no chest.
            session.Events.StartStream<QunTuan.Ledger.Communities.Community>(zhuhua,
                new QunTuan.Ledger.Communities.CommunityRegistered(zhuhua, "zhuhua", "竹花社区", "Zhuhua", "兰溪市",
                    "兰江街道", 3000, App.Clock.GetCurrentInstant(), "admin"));
            await session.SaveChangesAsync();
        }
        var admin = TestUsers.Admin();
        var enrolled = await Read<VolunteerEnrolled>(await Ok(Post("/api/communities/zhuhua/volunteers",
            new RegisterVolunteerRequest("竹一", "第1网格"), user: admin)));
        var volunteer = enrolled.Volunteer.VolunteerId;
        await Ok(Post($"/api/volunteers/{volunteer}/adjustments", new AdjustPointsRequest(20,
            QunTuan.Ledger.Volunteers.CorrectionReason.Goodwill, "测试"), user: admin));

        var donated = await Post($"/api/volunteers/{volunteer}/donations", new DonatePointsRequest(15),
            user: TestUsers.Volunteer(volunteer, zhuhua));

        donated.ShouldBe(HttpStatusCode.Created);
        var chest = await GetAs<ChestStatement>(admin, "/api/communities/zhuhua/chest");
        (chest.Chest.CommunityId, chest.Chest.Available, chest.Chest.DonationsReceived).ShouldBe((zhuhua, 15, 15));
    }

    private async Task Donate(Guid volunteer, int points, string? note = null)
    {
        var response = await Post($"/api/volunteers/{volunteer}/donations", new DonatePointsRequest(points, note),
            user: TestUsers.Volunteer(volunteer));
        response.ShouldBe(HttpStatusCode.Created);
        var made = await Read<DonationMade>(response);
        made.Points.ShouldBe(points);
    }

    private async Task<Guid> Household(string label)
    {
        var response = await Post("/api/communities/lanhua/households",
            new RegisterHouseholdRequest(label, "第3网格", HouseholdCircumstance.LowIncome));
        response.ShouldBe(HttpStatusCode.Created);
        return (await Read<HouseholdRegistered>(response)).HouseholdId;
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return response;
    }
}
