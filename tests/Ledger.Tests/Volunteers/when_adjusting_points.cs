using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Volunteers;

public sealed class when_adjusting_points
{
    private static readonly Guid AdjustmentId = new("0d000000-0000-4000-8000-000000000001");

    private static AdjustPoints Adjust(int points, CorrectionReason reason = CorrectionReason.EntryError,
        string note = "核对纸质台账后更正") => new(Build.Zhang, AdjustmentId, points, reason, note, "clerk-wang");

    [Fact]
    public void the_balance_after_is_the_available_balance_plus_the_signed_points()
    {
        var account = Build.AccountHolding(30);

        var up = AdjustPointsDecider.Decide(Adjust(12), account, Build.Now);
        var down = AdjustPointsDecider.Decide(Adjust(-7), account, Build.Now);

        up.BalanceAfter.ShouldBe(42);
        down.BalanceAfter.ShouldBe(23);
        account.Apply(down).Available.ShouldBe(23);
    }

    [Fact]
    public void an_adjustment_id_is_used_once()
    {
        var account = Build.AccountHolding(30);
        var adjusted = account.Apply(AdjustPointsDecider.Decide(Adjust(12), account, Build.Now));

        var again = Should.Throw<LedgerRuleViolation>(() => AdjustPointsDecider.Decide(Adjust(-5), adjusted, Build.Now));

        (again.Code, again.Field, again.Kind).ShouldBe(("adjustment_exists", "adjustmentId", ViolationKind.Conflict));
        AdjustPointsDecider.Decide(Adjust(-5) with { AdjustmentId = Guid.NewGuid() }, adjusted, Build.Now)
            .BalanceAfter.ShouldBe(37);
    }

    [Fact]
    public void the_event_records_who_why_and_the_trimmed_note()
    {
        var adjusted = AdjustPointsDecider.Decide(Adjust(10, CorrectionReason.Goodwill, "  台风天坚持巡防 "),
            Build.AccountHolding(), Build.Now);

        adjusted.VolunteerId.ShouldBe(Build.Zhang);
        adjusted.AdjustmentId.ShouldBe(AdjustmentId);
        adjusted.Points.ShouldBe(10);
        adjusted.Reason.ShouldBe(CorrectionReason.Goodwill);
        adjusted.Note.ShouldBe("台风天坚持巡防");
        adjusted.AdjustedBy.ShouldBe("clerk-wang");
        adjusted.AdjustedAt.ShouldBe(Build.Now);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    [InlineData(-10_001)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)] // has no positive counterpart, so Math.Abs would overflow
    public void zero_and_more_than_10000_either_way_are_refused(int points)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            AdjustPointsDecider.Decide(Adjust(points), Build.AccountHolding(20_000), Build.Now));

        violation.Code.ShouldBe("adjustment_out_of_range");
        violation.Field.ShouldBe("points");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(-10_000)]
    public void exactly_10000_either_way_is_accepted(int points)
    {
        AdjustPointsDecider.Decide(Adjust(points), Build.AccountHolding(10_000), Build.Now)
            .BalanceAfter.ShouldBe(10_000 + points);
    }

    [Fact]
    public void goodwill_can_only_add_points()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            AdjustPointsDecider.Decide(Adjust(-5, CorrectionReason.Goodwill), Build.AccountHolding(100), Build.Now));

        violation.Code.ShouldBe("goodwill_must_be_positive");
        violation.Field.ShouldBe("reason");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_note_is_required(string note)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            AdjustPointsDecider.Decide(Adjust(5, note: note), Build.AccountHolding(), Build.Now));

        violation.Code.ShouldBe("required");
        violation.Field.ShouldBe("note");
    }

    [Fact]
    public void a_note_with_a_phone_number_is_refused()
    {
        Should.Throw<LedgerRuleViolation>(() =>
                AdjustPointsDecider.Decide(Adjust(5, note: "已电话13912345678确认"), Build.AccountHolding(), Build.Now))
            .Code.ShouldBe("personal_data_not_allowed");
    }

    [Fact]
    public void taking_more_than_is_available_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            AdjustPointsDecider.Decide(Adjust(-31), Build.AccountHolding(30), Build.Now));

        violation.Code.ShouldBe("insufficient_balance");
        violation.Field.ShouldBe("points");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void taking_exactly_what_is_available_leaves_zero()
    {
        AdjustPointsDecider.Decide(Adjust(-30), Build.AccountHolding(30), Build.Now).BalanceAfter.ShouldBe(0);
    }
}
