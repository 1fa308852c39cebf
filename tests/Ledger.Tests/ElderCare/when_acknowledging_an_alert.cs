using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.ElderCare;

public sealed class when_acknowledging_an_alert
{
    private static readonly Guid AlertId = new("0f000000-0000-4000-8000-000000000001");

    private static ElderAlert Open() => ElderAlert.Create(new ElderAlertRaised(AlertId, Elders.Wu, Build.Lanhua,
        Guid.NewGuid(), Elders.Member, AlertSeverity.Emergency, Build.Date(2026, 7, 6), null, Build.Now, "张晓梅"));

    [Fact]
    public void the_office_closes_it_with_who_when_and_a_note()
    {
        var acknowledged = AcknowledgeElderAlertDecider.Decide(
            new AcknowledgeElderAlert(AlertId, " 已联系家属 ", "office-zhou"), Open(), Elders.Day(1));

        acknowledged.ShouldBe(new ElderAlertAcknowledged(AlertId, Elders.Wu, "已联系家属", Elders.Day(1), "office-zhou"));
        Open().Apply(acknowledged).Acknowledged.ShouldBeTrue();
    }

    [Fact]
    public void a_second_acknowledgement_is_a_conflict()
    {
        var closed = Open().Apply(new ElderAlertAcknowledged(AlertId, Elders.Wu, "已处理", Build.Now, "office"));

        var violation = Should.Throw<LedgerRuleViolation>(() => AcknowledgeElderAlertDecider.Decide(
            new AcknowledgeElderAlert(AlertId, "再处理", "office"), closed, Build.Now));

        violation.Code.ShouldBe("alert_already_acknowledged");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("已通知 0086 138 1234 5678", "personal_data_not_allowed")]
    public void the_note_is_required_and_free_of_personal_data(string note, string code)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => AcknowledgeElderAlertDecider.Decide(
            new AcknowledgeElderAlert(AlertId, note, "office"), Open(), Build.Now));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe("note");
    }
}
