using System.Net;
using QunTuan.Api.Catalog;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Redemptions;
using QunTuan.Ledger.Catalog;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// The redemption routes' table of requests the API must refuse, in the shape of <see cref="when_input_is_bad"/>:
/// every row asserts status, problem <c>code</c> and <c>field</c>, and that no event was appended. Rows run as the
/// Lanhua office clerk, or as volunteer 张晓梅 (who has 50 points) when they say so. Placeholders
/// (<c>{requested}</c>, <c>{approved}</c>, <c>{rejected}</c>, <c>{delisted}</c>, <c>{foreignItem}</c>,
/// <c>{foreignElder}</c>) name state the test creates before it counts events.
/// </summary>
public sealed class when_redemption_input_is_bad(AppFixture fixture) : RedemptionScenarios(fixture)
{
    private const string RequestedOne = "{requested}";
    private const string ApprovedOne = "{approved}";
    private const string RejectedOne = "{rejected}";
    private const string DelistedItem = "{delisted}";
    private const string ForeignItem = "{foreignItem}";
    private const string ForeignElder = "{foreignElder}";
    private const string AsVolunteer = "volunteer";

    private const string JsonType = "application/json";
    private const string Zhang = "00000000-0000-7000-8000-000000000001";
    private const string Li = "00000000-0000-7000-8000-000000000002";
    private const string Elder1 = "00000000-0000-7000-9000-000000000001";
    private const string Nothing = "0196a1b2-0000-7000-8000-00000000f00d";

    private static readonly string Gift = CatalogIds.Item(Seeded.Lanhua, "G07").ToString();
    private static readonly string Skates = CatalogIds.Item(Seeded.Lanhua, "G04").ToString(); // 100 points
    private static readonly string HaircutItem = CatalogIds.Item(Seeded.Lanhua, "S01").ToString();
    // The seeded haircut's first slot: Tuesday 2026-11-24 09:00 (the clock reads Monday 2026-11-23 10:00).
    private static readonly string FirstHaircut =
        CatalogIds.Slot(CatalogIds.Item(Seeded.Lanhua, "S01"), new(2026, 11, 24), new(9, 0)).ToString();

    private const string Catalog = "/api/communities/lanhua/catalog";
    private const string Redemptions = "/api/redemptions";

    /// <summary>A valid goods listing with <paramref name="fields"/> added or replacing the defaults and the fields
    /// named in <paramref name="without"/> left out.</summary>
    private static string Listing(string fields = "", params string[] without) => Body(
    [
        ("code", "\"G99\""),
        ("nameZh", "\"肥皂\""),
        ("nameEn", "\"Soap\""),
        ("class", "\"goods\""),
        ("price", "15"),
        ("stock", "10")
    ], fields, without);

    private static string Redeem(string fields = "", params string[] without) => Body(
    [
        ("volunteerId", $"\"{Zhang}\""),
        ("itemId", $"\"{Gift}\"")
    ], fields, without);

    private static string Policy(string fields = "", params string[] without) => Body(
    [
        ("decisionWindow", "\"168:00:00\""),
        ("collectionWindow", "\"720:00:00\"")
    ], fields, without);

    private const string Slot = """{"date":"2026-11-24","start":"09:00:00","end":"11:00:00","capacity":6}""";

    private static string Body(List<(string Key, string Value)> parts, string fields, string[] without)
    {
        parts.RemoveAll(p => without.Contains(p.Key) || fields.Contains($"\"{p.Key}\":"));
        var body = string.Join(",", parts.Select(p => $"\"{p.Key}\":{p.Value}"));
        if (fields.Length > 0) body = body.Length > 0 ? body + "," + fields : fields;
        return "{" + body + "}";
    }

    public static readonly IReadOnlyList<BadInputCase> Table =
    [
        // ---- POST /api/communities/{communityId}/catalog -------------------------------------------------------
        new("list: JSON null as the body", "POST", Catalog, "null", 400, "malformed_json", null),
        new("list: missing code", "POST", Catalog, Listing(without: "code"), 400, "required", "code"),
        new("list: class not goods or service", "POST", Catalog, Listing("\"class\":\"food\""), 400, "invalid_value",
            "class"),
        new("list: price as a string", "POST", Catalog, Listing("\"price\":\"15\""), 400, "invalid_value", "price"),
        new("list: unknown field", "POST", Catalog, Listing("\"colour\":\"red\""), 400, "unknown_field", "colour"),
        new("list: code starting with a digit", "POST", Catalog, Listing("\"code\":\"9G\""), 422, "invalid_item_code",
            "code"),
        new("list: code already in the catalog", "POST", Catalog, Listing("\"code\":\"g01\""), 409, "item_code_taken",
            "code"),
        new("list: free item", "POST", Catalog, Listing("\"price\":0"), 422, "price_out_of_range", "price"),
        new("list: goods without stock", "POST", Catalog, Listing(without: "stock"), 422, "required", "stock"),
        new("list: goods with slots", "POST", Catalog, Listing($"\"slots\":[{Slot}]"), 422, "slots_not_for_goods",
            "slots"),
        new("list: service with stock", "POST", Catalog, Listing("\"class\":\"service\""), 422,
            "stock_not_for_services", "stock"),
        new("list: slot already over", "POST", Catalog,
            Listing("\"class\":\"service\",\"slots\":[{\"date\":\"2026-11-23\",\"start\":\"09:00:00\",\"end\":\"11:00:00\",\"capacity\":6}]", "stock"),
            422, "slot_in_past", "slots"),
        new("list: slot ending before it starts", "POST", Catalog,
            Listing("\"class\":\"service\",\"slots\":[{\"date\":\"2026-11-24\",\"start\":\"11:00:00\",\"end\":\"09:00:00\",\"capacity\":6}]", "stock"),
            422, "slot_end_not_after_start", "slots"),
        new("list: name with a phone number", "POST", Catalog, Listing("\"nameZh\":\"肥皂 13812345678\""), 422,
            "personal_data_not_allowed", "nameZh"),
        new("list: no monthly units at all", "POST", Catalog, Listing("\"monthlyLimit\":0"), 422,
            "monthly_limit_out_of_range", "monthlyLimit"),
        new("list: window ending before it starts", "POST", Catalog,
            Listing("\"activeFrom\":\"2026-12-10\",\"activeUntil\":\"2026-12-01\""), 422, "active_window_reversed",
            "activeUntil"),
        new("list: unknown community", "POST", "/api/communities/nowhere/catalog", Listing(), 404,
            "community_not_found", null),

        // ---- restock, slots, reprice, delist ------------------------------------------------------------------
        new("restock: item id not a UUID", "POST", "/api/catalog-items/G07/restock", """{"quantity":5}""", 404,
            "catalog_item_not_found", null),
        new("restock: nothing to add", "POST", $"/api/catalog-items/{Gift}/restock", """{"quantity":0}""", 422,
            "quantity_out_of_range", "quantity"),
        new("restock: a service without its slot", "POST", $"/api/catalog-items/{HaircutItem}/restock",
            """{"quantity":2}""", 422, "slot_required", "slotId"),
        new("slots: for goods", "POST", $"/api/catalog-items/{Gift}/slots", Slot, 422, "slots_not_for_goods", "date"),
        new("slots: the same day and time twice", "POST", $"/api/catalog-items/{HaircutItem}/slots", Slot, 409,
            "slot_exists", "start"),
        new("reprice: negative price", "POST", $"/api/catalog-items/{Gift}/reprice", """{"price":-5}""", 422,
            "price_out_of_range", "price"),
        new("delist: blank reason", "POST", $"/api/catalog-items/{Gift}/delist", """{"reason":" "}""", 422,
            "required", "reason"),

        // ---- POST /api/redemptions (as the volunteer) ----------------------------------------------------------
        new("request: missing itemId", "POST", Redemptions, Redeem(without: "itemId"), 400, "required", "itemId",
            AsVolunteer),
        new("request: itemId not a UUID", "POST", Redemptions, Redeem("\"itemId\":\"G07\""), 400, "invalid_value",
            "itemId", AsVolunteer),
        new("request: unknown item", "POST", Redemptions, Redeem($"\"itemId\":\"{Nothing}\""), 404,
            "catalog_item_not_found", "itemId", AsVolunteer),
        new("request: another community's item", "POST", Redemptions, Redeem($"\"itemId\":\"{ForeignItem}\""), 404,
            "catalog_item_not_found", "itemId", AsVolunteer),
        new("request: a service without a slot", "POST", Redemptions, Redeem($"\"itemId\":\"{HaircutItem}\""), 422,
            "slot_required", "slotId", AsVolunteer),
        new("request: unknown slot", "POST", Redemptions,
            Redeem($"\"itemId\":\"{HaircutItem}\",\"slotId\":\"{Nothing}\""), 404, "slot_not_found", "slotId", AsVolunteer),
        new("request: a slot for goods", "POST", Redemptions, Redeem($"\"slotId\":\"{FirstHaircut}\""), 422,
            "slots_not_for_goods", "slotId", AsVolunteer),
        new("request: unknown beneficiary", "POST", Redemptions, Redeem($"\"beneficiaryId\":\"{Nothing}\""), 404,
            "beneficiary_not_found", "beneficiaryId", AsVolunteer),
        new("request: another community's elder", "POST", Redemptions, Redeem($"\"beneficiaryId\":\"{ForeignElder}\""),
            404, "beneficiary_not_found", "beneficiaryId", AsVolunteer),
        new("request: more than the volunteer has", "POST", Redemptions, Redeem($"\"itemId\":\"{Skates}\""), 409,
            "insufficient_balance", null, AsVolunteer),
        new("request: a delisted item", "POST", Redemptions, Redeem($"\"itemId\":\"{DelistedItem}\""), 409,
            "item_delisted", null, AsVolunteer),
        new("request: an id already used for another item", "POST", Redemptions,
            Redeem($"\"itemId\":\"{Skates}\",\"redemptionId\":\"{RequestedOne}\""), 409, "redemption_exists",
            "redemptionId", AsVolunteer),
        new("request: paid from someone else's account", "POST", Redemptions, Redeem($"\"volunteerId\":\"{Li}\""), 404,
            "volunteer_not_found", "volunteerId", AsVolunteer),

        // ---- decisions --------------------------------------------------------------------------------------
        new("approve: unknown redemption", "POST", $"{Redemptions}/{Nothing}/approve", null, 404,
            "redemption_not_found", null),
        new("approve: a rejected request", "POST", $"{Redemptions}/{RejectedOne}/approve", null, 409,
            "redemption_rejected", null),
        new("reject: missing reason", "POST", $"{Redemptions}/{RequestedOne}/reject", "{}", 400, "required", "reason"),
        new("reject: reason with an ID-card number", "POST", $"{Redemptions}/{RequestedOne}/reject",
            """{"reason":"身份证 330781199001011234 不符"}""", 422, "personal_data_not_allowed", "reason"),
        new("reject: an approved request", "POST", $"{Redemptions}/{ApprovedOne}/reject", """{"reason":"不符"}""", 409,
            "redemption_already_approved", null),
        new("cancel: an approved request", "POST", $"{Redemptions}/{ApprovedOne}/cancel", "{}", 409,
            "redemption_already_approved", null, AsVolunteer),
        new("fulfil: wrong pickup code", "POST", $"{Redemptions}/{ApprovedOne}/fulfil", """{"code":"not-it"}""", 422,
            "wrong_pickup_code", "code"),
        new("fulfil: not approved yet", "POST", $"{Redemptions}/{RequestedOne}/fulfil", """{"code":"12345678"}""", 409,
            "redemption_not_approved", null),
        new("queue: unknown status", "GET", "/api/communities/lanhua/redemptions?status=open", null, 400,
            "unknown_status", "status"),
        new("redemption: id not a UUID", "GET", $"{Redemptions}/r-1", null, 404, "redemption_not_found", null),

        // ---- donations, the chest, the policy, households ----------------------------------------------------
        new("donate: nothing", "POST", $"/api/volunteers/{Zhang}/donations", """{"points":0}""", 422,
            "donation_out_of_range", "points", AsVolunteer),
        new("donate: more than the volunteer has", "POST", $"/api/volunteers/{Zhang}/donations", """{"points":51}""",
            409, "insufficient_balance", "points", AsVolunteer),
        new("donate: note with a mobile number", "POST", $"/api/volunteers/{Zhang}/donations",
            """{"points":5,"note":"有事打 138-1234-5678"}""", 422, "personal_data_not_allowed", "note", AsVolunteer),
        new("grant: missing beneficiaryId", "POST", "/api/communities/lanhua/chest/grants",
            $$"""{"itemId":"{{Gift}}"}""", 400, "required", "beneficiaryId"),
        new("grant: the chest is empty", "POST", "/api/communities/lanhua/chest/grants",
            $$"""{"itemId":"{{Gift}}","beneficiaryId":"{{Elder1}}"}""", 409, "insufficient_balance", null),
        new("policy: window in words", "PUT", "/api/communities/lanhua/points-policy",
            Policy("\"decisionWindow\":\"7 days\""), 400, "invalid_value", "decisionWindow"),
        new("policy: no time to decide", "PUT", "/api/communities/lanhua/points-policy",
            Policy("\"decisionWindow\":\"0:00:00\""), 422, "decision_window_out_of_range", "decisionWindow"),
        new("policy: points expiring after eleven years", "PUT", "/api/communities/lanhua/points-policy",
            Policy("\"expireAfterYears\":11"), 422, "expiry_years_out_of_range", "expireAfterYears"),
        new("household: circumstance not in the list", "POST", "/api/communities/lanhua/households",
            """{"label":"困难户甲","grid":"第1网格","circumstance":"poor"}""", 400, "invalid_value", "circumstance"),
        new("household: label with an ID-card number", "POST", "/api/communities/lanhua/households",
            """{"label":"330781199001011234","grid":"第1网格","circumstance":"other"}""", 422,
            "personal_data_not_allowed", "label")
    ];

    public static IEnumerable<object[]> Cases => BadInputCase.Cases(nameof(when_redemption_input_is_bad));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task is_refused_with_a_problem_and_appends_nothing(BadInputCase @case)
    {
        var (url, body) = await Arrange(@case.Url, @case.Body);
        var before = await EventCount();

        using var response = await Send(new HttpMethod(@case.Method), url, body,
            user: @case.Actor == AsVolunteer ? TestUsers.Volunteer(Seeded.ZhangXiaomei) : null);

        await response.ShouldBeProblem(@case.Status, @case.Code, @case.Field);
        (await EventCount()).ShouldBe(before, $"{@case.Name}: a refused request must append no event");
    }

    [Fact]
    public void the_table_has_distinct_names_and_enough_cases()
    {
        Table.Count.ShouldBeGreaterThanOrEqualTo(40);
        Table.Select(c => c.Name).ShouldBeUnique();
    }

    /// <summary>Creates the state a row's placeholders name, through the API, and puts the ids in place.</summary>
    private async Task<(string Url, string? Body)> Arrange(string url, string? body)
    {
        await Give(Seeded.ZhangXiaomei, 50);
        var text = url + "\n" + body;
        if (text.Contains(RequestedOne))
            text = text.Replace(RequestedOne, (await Requested(Seeded.ZhangXiaomei, SmallGift)).RedemptionId.ToString());
        if (text.Contains(ApprovedOne))
        {
            var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
            await Approved(requested.RedemptionId);
            text = text.Replace(ApprovedOne, requested.RedemptionId.ToString());
        }
        if (text.Contains(RejectedOne))
        {
            var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
            (await Reject(requested.RedemptionId)).ShouldBe(HttpStatusCode.OK);
            text = text.Replace(RejectedOne, requested.RedemptionId.ToString());
        }
        if (text.Contains(DelistedItem))
        {
            var item = await ListGoods("OLD1", price: 10, stock: 5);
            (await Post($"/api/catalog-items/{item}/delist", new DelistRequest("停止供应"))).ShouldBe(HttpStatusCode.OK);
            text = text.Replace(DelistedItem, item.ToString());
        }
        if (text.Contains(ForeignItem) || text.Contains(ForeignElder))
        {
            await ForeignCommunityWithVolunteer();
            var admin = TestUsers.Admin();
            var listed = await Post("/api/communities/meihua/catalog",
                new ListCatalogItemRequest("G01", "梅花小礼物", "Meihua gift", ItemClass.Goods, 10, 5), user: admin);
            listed.ShouldBe(HttpStatusCode.Created);
            var elder = await Post("/api/communities/meihua/elders",
                new QunTuan.Api.ElderCare.RegisterElderRequest("梅奶奶", QunTuan.Ledger.ElderCare.AgeBand.Aged80To89,
                    "第1网格"), user: admin);
            elder.ShouldBe(HttpStatusCode.Created);
            text = text.Replace(ForeignItem, (await Read<CatalogItemListed>(listed)).ItemId.ToString())
                .Replace(ForeignElder, (await Read<QunTuan.Ledger.ElderCare.ElderRegistered>(elder)).ElderId.ToString());
        }
        var parts = text.Split('\n', 2);
        return (parts[0], body is null ? null : parts[1]);
    }
}
