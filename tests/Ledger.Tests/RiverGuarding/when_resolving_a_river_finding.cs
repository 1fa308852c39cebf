using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.Shared;
using static QunTuan.Ledger.Tests.RiverGuarding.River;

namespace QunTuan.Ledger.Tests.RiverGuarding;

public sealed class when_resolving_a_river_finding
{
    private static readonly Guid FindingId = new("0d000000-0000-4000-8000-0000000000c1");

    private static RiverFinding Open() => RiverFinding.Create(new RiverFindingReported(FindingId, TeamId, Build.Lanhua,
        Lanjiang, PatrolId, RiverFindingKind.IllegalDischarge, 1, RiverFindingSeverity.High, null, null, Yesterday,
        Build.Now, "organizer-chen"));

    private static RiverFindingResolved Resolve(RiverFinding finding, string note = " 已报河长，排口已封堵 ") =>
        ResolveRiverFindingDecider.Decide(new ResolveRiverFinding(FindingId, note, "river-chief-wu"), finding, Build.Now);

    [Fact]
    public void it_is_closed_by_whom_when_and_how_on_its_team_and_segment()
    {
        var resolved = Resolve(Open());

        resolved.ShouldBe(new RiverFindingResolved(FindingId, TeamId, Lanjiang, "已报河长，排口已封堵", Build.Now,
            "river-chief-wu"));
        Open().Apply(resolved).Resolved.ShouldBeTrue();
    }

    [Fact]
    public void a_resolved_finding_cannot_be_resolved_again()
    {
        var closed = Open().Apply(Resolve(Open()));

        var violation = Should.Throw<LedgerRuleViolation>(() => Resolve(closed));

        violation.Code.ShouldBe("river_finding_already_resolved");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("已联系 13812345678", "personal_data_not_allowed")]
    public void the_note_says_what_was_done_without_personal_data(string note, string code)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Resolve(Open(), note));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe("note");
    }
}
