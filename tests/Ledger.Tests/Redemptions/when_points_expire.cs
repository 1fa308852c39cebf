using CsCheck;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_points_expire
{
    private static Instant In(int year) => Instant.FromUtc(year, 6, 1, 2, 0);

    private static VolunteerAccount Earn(VolunteerAccount account, int points, int year) =>
        account.Apply(new PointsCredited(account.Id, Guid.NewGuid(), account.CommunityId, "CB02", "CB",
            new LocalDate(year, 6, 1), points, 120, "CB02.v1", 1, null, account.Available + points, In(year), "office"));

    private static VolunteerAccount Spend(VolunteerAccount account, int points) =>
        account.Apply(new PointsDonated(account.Id, Guid.NewGuid(), Guid.NewGuid(), points, null,
            account.Available - points, In(2026), "v"));

    [Fact]
    public void spending_uses_the_oldest_points_first()
    {
        var account = Spend(Earn(Earn(Redeem.Account(0), 50, 2022), 30, 2023), 60);

        account.Available.ShouldBe(20);
        account.ExpirableThrough(2022).ShouldBe(0);  // the 50 of 2022 were spent first
        account.ExpirableThrough(2023).ShouldBe(20); // what is left is from 2023
    }

    [Fact]
    public void points_held_for_a_request_cannot_expire_and_come_back_to_the_oldest_lot()
    {
        var earned = Earn(Redeem.Account(0), 40, 2022);
        var (redemption, item, held) = Redeem.Requested(Redeem.Goods(price: 30), earned);
        held.ExpirableThrough(2022).ShouldBe(10);

        var released = QunTuan.Ledger.Redemptions.RejectRedemptionDecider.Decide(
            new QunTuan.Ledger.Redemptions.RejectRedemption(redemption.Id, "不符", "li"), redemption,
            QunTuan.Ledger.Redemptions.Payer.Of(held), Redeem.Now)!;
        Redeem.Fold(released, redemption, item, held).Item3.ExpirableThrough(2022).ShouldBe(40);
    }

    [Fact]
    public void expired_points_move_to_the_chest_and_a_second_sweep_finds_nothing()
    {
        var account = Earn(Earn(Redeem.Account(0), 50, 2022), 30, 2024);
        var chest = Redeem.Chest(5);
        var id = Guid.NewGuid();

        var (expired, received) = ExpirePointsDecider.Decide(account, chest.Id, chest.Available, 2022, id, Redeem.Now,
            "system")!.Value;

        expired.ShouldBe(new PointsExpired(account.Id, id, chest.Id, 50, 2022, 30, Redeem.Now, "system"));
        received.ShouldBe(new QunTuan.Ledger.Chest.ChestExpiredPointsReceived(chest.Id, id, account.Id, 50, 2022, 55,
            Redeem.Now, "system"));
        ExpirePointsDecider.Decide(account.Apply(expired), chest.Id, 55, 2022, Guid.NewGuid(), Redeem.Now, "system")
            .ShouldBeNull();
    }

    [Fact]
    public void the_policy_says_which_years_have_expired()
    {
        var threeYears = PointsPolicy.Default with { ExpireAfterYears = 3 };

        // "Points expire at the end of the third calendar year after they were earned": 2023's last day is 2026-12-31.
        threeYears.ExpiredThroughYear(new LocalDate(2026, 12, 31)).ShouldBe(2022);
        threeYears.ExpiredThroughYear(new LocalDate(2027, 1, 1)).ShouldBe(2023);
        PointsPolicy.Default.ExpiredThroughYear(new LocalDate(2027, 1, 1)).ShouldBeNull();
    }

    /// <summary>Any mix of earning, spending, holding, releasing and expiring keeps the lots and the balance in
    /// step, and never lets more expire than is available.</summary>
    [Fact]
    public void the_lots_always_add_up_to_the_available_balance()
    {
        var step = Gen.Int[0, 5].Select(Gen.Int[1, 60], Gen.Int[2020, 2026]);
        step.Array[1, 40].Sample(steps =>
        {
            var account = Redeem.Account(0);
            var holds = new Stack<PointsHeld>();
            foreach (var (kind, points, year) in steps)
            {
                account = kind switch
                {
                    0 => Earn(account, points, year),
                    1 when account.Available >= points => Spend(account, points),
                    2 when account.Available >= points => account.Apply(new PointsAdjusted(account.Id, Guid.NewGuid(),
                        -points, CorrectionReason.EntryError, "更正", account.Available - points, In(2026), "office")),
                    3 when account.Available >= points => Hold(account, points, holds),
                    4 when holds.Count > 0 => Release(account, holds.Pop()),
                    5 when ExpirePointsDecider.Decide(account, Guid.Empty, 0, year, Guid.NewGuid(), In(2026), "s") is { } m =>
                        account.Apply(m.Expired),
                    _ => account
                };
                ((account.Lots ?? []).Values.Sum() - account.LotOutflow).ShouldBe(account.Available);
                account.Held.ShouldBe(holds.Sum(h => h.Points));
                for (var y = 2020; y <= 2026; y++) account.ExpirableThrough(y).ShouldBeInRange(0, account.Available);
            }
        });
    }

    private static VolunteerAccount Hold(VolunteerAccount account, int points, Stack<PointsHeld> holds)
    {
        var held = new PointsHeld(account.Id, Guid.NewGuid(), Guid.NewGuid(), "G01", points, new LocalDate(2026, 6, 1),
            account.Available - points, account.Held + points, In(2026), "v");
        holds.Push(held);
        return account.Apply(held);
    }

    private static VolunteerAccount Release(VolunteerAccount account, PointsHeld hold) =>
        account.Apply(new PointsReleased(account.Id, hold.RedemptionId, hold.ItemId, hold.ItemCode, hold.Points,
            hold.LimitMonth, QunTuan.Ledger.Redemptions.ReleaseReason.Cancelled, null, account.Available + hold.Points,
            account.Held - hold.Points, In(2026), "v"));
}
