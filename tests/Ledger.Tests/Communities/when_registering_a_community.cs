using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Communities;

public sealed class when_registering_a_community
{
    private static RegisterCommunity Register(string code = "lanhua", int residents = 8_600) =>
        new(code, " 兰花社区 ", " Lanhua Community ", " 杭州 ", " 西湖街道 ", residents, "office");

    [Fact]
    public void the_code_is_trimmed_and_lowercased_and_names_the_stream()
    {
        var registered = RegisterCommunityDecider.Decide(Register(" LanHua "), existing: null, Build.Now);

        registered.Code.ShouldBe("lanhua");
        registered.CommunityId.ShouldBe(DeterministicId.ForCommunity("lanhua"));
        registered.NameZh.ShouldBe("兰花社区");
        registered.NameEn.ShouldBe("Lanhua Community");
        registered.City.ShouldBe("杭州");
        registered.Street.ShouldBe("西湖街道");
        registered.PermanentResidents.ShouldBe(8_600);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("west-lake-2")]
    [InlineData("a234567890123456789012345678901234567890")] // 40 characters
    public void codes_of_2_to_40_letters_digits_and_hyphens_starting_with_a_letter_are_accepted(string code)
    {
        RegisterCommunityDecider.Decide(Register(code), null, Build.Now).Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a2345678901234567890123456789012345678901")] // 41 characters
    [InlineData("1lanhua")]
    [InlineData("-lanhua")]
    [InlineData("lan_hua")]
    [InlineData("lan hua")]
    [InlineData("兰花")]
    [InlineData("")]
    public void other_codes_are_refused(string code)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterCommunityDecider.Decide(Register(code), null, Build.Now));

        violation.Code.ShouldBe("invalid_community_code");
        violation.Field.ShouldBe("code");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void a_code_already_registered_is_a_conflict()
    {
        var existing = new Community(DeterministicId.ForCommunity("lanhua"), "lanhua");

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterCommunityDecider.Decide(Register("LANHUA"), existing, Build.Now));

        violation.Code.ShouldBe("community_code_taken");
        violation.Field.ShouldBe("code");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void permanent_residents_must_be_between_1_and_10_million(int residents)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterCommunityDecider.Decide(Register(residents: residents), null, Build.Now));

        violation.Code.ShouldBe("residents_out_of_range");
        violation.Field.ShouldBe("permanentResidents");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000_000)]
    public void the_resident_limits_themselves_are_accepted(int residents)
    {
        RegisterCommunityDecider.Decide(Register(residents: residents), null, Build.Now)
            .PermanentResidents.ShouldBe(residents);
    }
}
