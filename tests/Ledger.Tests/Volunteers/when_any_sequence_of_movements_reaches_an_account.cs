using CsCheck;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Volunteers;

/// <summary>
/// I1: whatever clerks do to an account, in whatever order, its available balance is never negative and is
/// exactly the sum of the movements the rules accepted, and each movement's balance-after is that running sum.
/// </summary>
public sealed class when_any_sequence_of_movements_reaches_an_account
{
    private abstract record Op;

    /// <summary>A patrol of <paramref name="Points"/> minutes, at 60 points an hour: exactly that many points.</summary>
    private sealed record HourlyCredit(int Points, int Day) : Op;

    /// <summary>Elder visits at 10 points each, at most 200 a week: 0 to 200 points depending on the week so far.</summary>
    private sealed record VisitCredit(int Occasions, int Day) : Op;

    private sealed record Adjustment(int Points, CorrectionReason Reason) : Op;

    /// <summary>Reverses one of the records credited so far (picked modulo their number), whatever its state.</summary>
    private sealed record Reversal(int Pick, CorrectionReason Reason) : Op;

    private const int VisitCap = 200;
    private static readonly LocalDate FirstDay = new(2026, 6, 1); // a Monday; days 0..20 span three weeks

    private static readonly Activity Hourly = Build.ActivityWith("CB60",
        (new LocalDate(2026, 1, 1), new PointRule(PointRuleKind.PerHour, 60, 60, MinimumMinutes: 1)));

    private static readonly Activity Visits = Build.ActivityWith("PV10",
        (new LocalDate(2026, 1, 1), new PointRule(PointRuleKind.PerVisit, 10, 60, WeeklyCap: VisitCap)));

    private static readonly Gen<CorrectionReason> Reasons = Gen.Enum<CorrectionReason>();

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1, 200], Gen.Int[0, 20], (points, day) => (Op)new HourlyCredit(points, day))),
        (3, Gen.Select(Gen.Int[1, 20], Gen.Int[0, 20], (occasions, day) => (Op)new VisitCredit(occasions, day))),
        (3, Gen.Select(Gen.Int[-400, 400], Reasons, (points, reason) => (Op)new Adjustment(points, reason))),
        (3, Gen.Select(Gen.Int[0, 1_000], Reasons, (pick, reason) => (Op)new Reversal(pick, reason))));

    [Fact]
    public void the_balance_is_never_negative_and_always_the_sum_of_accepted_movements()
    {
        // Counted across all samples so the property cannot pass by refusing everything.
        var accepted = new int[4];
        var refusedForBalance = 0;

        Ops.Array[1, 80].Sample(ops =>
        {
            var account = Build.AccountHolding();
            var credited = new List<ServiceRecord>();
            var sum = 0;
            var visitWeeks = new Dictionary<LocalDate, int>();

            foreach (var op in ops)
            {
                try
                {
                    switch (op)
                    {
                        case HourlyCredit c:
                        {
                            var record = Build.PendingRecord("CB60", FirstDay.PlusDays(c.Day), durationMinutes: c.Points);
                            var (verified, credit) =
                                VerifyServiceRecordDecider.Decide(record, Hourly, account, "clerk", Build.Now);
                            sum += credit.Points;
                            credit.Points.ShouldBe(c.Points);
                            credit.BalanceAfter.ShouldBe(sum);
                            account = account.Apply(credit);
                            credited.Add(record.Apply(verified));
                            Interlocked.Increment(ref accepted[0]);
                            break;
                        }
                        case VisitCredit v:
                        {
                            var record = Build.PendingRecord("PV10", FirstDay.PlusDays(v.Day), occasions: v.Occasions);
                            var (verified, credit) =
                                VerifyServiceRecordDecider.Decide(record, Visits, account, "clerk", Build.Now);
                            sum += credit.Points;
                            credit.BalanceAfter.ShouldBe(sum);
                            var week = credit.CapWeek.ShouldNotBeNull();
                            visitWeeks[week] = visitWeeks.GetValueOrDefault(week) + credit.Points;
                            account = account.Apply(credit);
                            credited.Add(record.Apply(verified));
                            Interlocked.Increment(ref accepted[1]);
                            break;
                        }
                        case Adjustment a:
                        {
                            var adjusted = AdjustPointsDecider.Decide(
                                new AdjustPoints(account.Id, Guid.NewGuid(), a.Points, a.Reason, "更正", "clerk"),
                                account, Build.Now);
                            sum += adjusted.Points;
                            adjusted.BalanceAfter.ShouldBe(sum);
                            account = account.Apply(adjusted);
                            Interlocked.Increment(ref accepted[2]);
                            break;
                        }
                        case Reversal r when credited.Count > 0:
                        {
                            var index = r.Pick % credited.Count;
                            var record = credited[index];
                            var (reversed, debit) = ReverseServiceRecordDecider.Decide(
                                new ReverseServiceRecord(record.Id, r.Reason, "冲正", "clerk"), record, account,
                                Build.Now);
                            sum -= debit.Points;
                            debit.BalanceAfter.ShouldBe(sum);
                            if (record.CapWeek is { } week) visitWeeks[week] -= debit.Points;
                            account = account.Apply(debit);
                            credited[index] = record.Apply(reversed);
                            Interlocked.Increment(ref accepted[3]);
                            break;
                        }
                    }
                }
                catch (LedgerRuleViolation refused)
                {
                    // A refused command appends nothing, so there is nothing to apply.
                    if (refused.Code == "insufficient_balance") Interlocked.Increment(ref refusedForBalance);
                }

                account.Available.ShouldBeGreaterThanOrEqualTo(0);
                account.Available.ShouldBe(sum);
                foreach (var (week, points) in visitWeeks)
                {
                    account.CreditedInWeek("PV10", week).ShouldBe(points);
                    points.ShouldBeInRange(0, VisitCap);
                }
            }
        }, iter: 500);

        accepted.ShouldAllBe(count => count > 0);
        refusedForBalance.ShouldBeGreaterThan(0);
    }
}
