using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.ElderCare;

public sealed class when_registering_an_elder
{
    private static RegisterElder Register(string name = " 吴阿婆 ", string grid = " 第1网格 ",
        AgeBand band = AgeBand.Aged80To89) => new(Elders.Wu, Build.Lanhua, name, band, grid, "clerk-wang");

    [Fact]
    public void name_and_grid_are_trimmed_and_there_are_no_helpers_yet()
    {
        var registered = RegisterElderDecider.Decide(Register(), alreadyRegistered: false, Build.Now);

        registered.ShouldBe(new ElderRegistered(Elders.Wu, Build.Lanhua, "吴阿婆", AgeBand.Aged80To89, "第1网格",
            Build.Now, "clerk-wang"));
        var elder = Elder.Create(registered);
        elder.CommunityId.ShouldBe(Build.Lanhua);
        elder.CurrentHelpers.ShouldBeEmpty();
    }

    [Fact]
    public void an_already_registered_elder_is_a_conflict()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => RegisterElderDecider.Decide(Register(), true, Build.Now));

        violation.Code.ShouldBe("elder_exists");
        violation.Field.ShouldBe("elderId");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData(" ", "第1网格", "required", "displayName")]
    [InlineData("吴阿婆", "", "required", "grid")]
    [InlineData("吴阿婆 13912345678", "第1网格", "personal_data_not_allowed", "displayName")]
    [InlineData("吴阿婆", "330102194501011234", "personal_data_not_allowed", "grid")]
    [InlineData("阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿婆阿", "第1网格", "too_long",
        "displayName")]
    public void name_and_grid_are_checked(string name, string grid, string code, string field)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterElderDecider.Decide(Register(name, grid), false, Build.Now));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe(field);
    }

    [Fact]
    public void an_age_band_outside_the_three_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterElderDecider.Decide(Register(band: (AgeBand)7), false, Build.Now));

        violation.Code.ShouldBe("invalid_age_band");
        violation.Field.ShouldBe("ageBand");
    }
}
