using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Volunteers;

public sealed class when_registering_a_volunteer
{
    private static RegisterVolunteer Register(string name = " 张晓梅 ", string grid = " 第三网格 ",
        params Affiliation[] affiliations) =>
        new(Build.Zhang, Build.Lanhua, name, grid, affiliations, "clerk-wang");

    [Fact]
    public void name_and_grid_are_trimmed_and_the_account_starts_empty()
    {
        var (registered, personal) = RegisterVolunteerDecider.Decide(Register(), alreadyRegistered: false, Build.Now);

        registered.VolunteerId.ShouldBe(Build.Zhang);
        registered.CommunityId.ShouldBe(Build.Lanhua);
        personal.DisplayName.ShouldBe("张晓梅");
        personal.Id.ShouldBe(Build.Zhang);
        registered.Grid.ShouldBe("第三网格");
        registered.RegisteredBy.ShouldBe("clerk-wang");
        var account = VolunteerAccount.Create(registered);
        account.Available.ShouldBe(0);
        account.CommunityId.ShouldBe(Build.Lanhua);
    }

    [Fact]
    public void affiliations_are_deduplicated_and_ordered()
    {
        var registered = RegisterVolunteerDecider.Decide(Register(affiliations:
        [
            Affiliation.PartyMember, Affiliation.UnionMember, Affiliation.PartyMember, Affiliation.YouthLeague
        ]), false, Build.Now).Registered;

        registered.Affiliations.ShouldBe([Affiliation.UnionMember, Affiliation.YouthLeague, Affiliation.PartyMember]);
    }

    [Fact]
    public void no_affiliation_is_fine()
    {
        RegisterVolunteerDecider.Decide(Register(), false, Build.Now).Registered.Affiliations.ShouldBeEmpty();
    }

    [Fact]
    public void an_already_registered_volunteer_is_a_conflict()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => RegisterVolunteerDecider.Decide(Register(), true, Build.Now));

        violation.Code.ShouldBe("volunteer_exists");
        violation.Field.ShouldBe("volunteerId");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData("", "第三网格", "displayName")]
    [InlineData("  ", "第三网格", "displayName")]
    [InlineData("张晓梅", "", "grid")]
    [InlineData("张晓梅", " ", "grid")]
    public void name_and_grid_are_required(string name, string grid, string field)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterVolunteerDecider.Decide(Register(name, grid), false, Build.Now));

        violation.Code.ShouldBe("required");
        violation.Field.ShouldBe(field);
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void forty_characters_are_enough_for_a_name_or_grid()
    {
        var forty = new string('梅', 40);

        var (registered, personal) = RegisterVolunteerDecider.Decide(Register(forty, forty), false, Build.Now);

        personal.DisplayName.Length.ShouldBe(40);
        registered.Grid.Length.ShouldBe(40);
    }

    [Theory]
    [InlineData(41, 5, "displayName")]
    [InlineData(5, 41, "grid")]
    public void more_than_forty_characters_are_refused(int nameLength, int gridLength, string field)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => RegisterVolunteerDecider.Decide(
            Register(new string('梅', nameLength), new string('格', gridLength)), false, Build.Now));

        violation.Code.ShouldBe("too_long");
        violation.Field.ShouldBe(field);
    }

    [Theory]
    [InlineData("张晓梅13812345678", "第三网格", "displayName")]
    [InlineData("张晓梅", "11010519491231002X", "grid")]
    public void a_phone_or_id_number_in_name_or_grid_is_refused(string name, string grid, string field)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RegisterVolunteerDecider.Decide(Register(name, grid), false, Build.Now));

        violation.Code.ShouldBe("personal_data_not_allowed");
        violation.Field.ShouldBe(field);
    }
}
