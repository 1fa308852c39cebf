using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Shared;

public sealed class when_guarding_free_text_against_personal_data
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("联系电话13812345678，周末可联系")]
    [InlineData("tel:15012345678.")]
    [InlineData("call13812345678")] // only neighbouring digits, not letters, make it something else
    [InlineData("+8613812345678")]
    [InlineData("008613812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("电话 138-1234-5678")]
    [InlineData("138 1234 5678")]
    public void a_mobile_number_looks_personal(string text)
    {
        PersonalDataGuard.LooksPersonal(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("身份证号11010519491231002X。")]
    public void an_id_card_number_looks_personal(string text)
    {
        PersonalDataGuard.LooksPersonal(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("周六上午在兰花社区巡防三小时，共 3 人参加")]
    [InlineData("2026-06-10 river patrol, 150 minutes")]
    [InlineData("12345678901")] // 11 digits, but mobile numbers start 13 to 19
    [InlineData("1381234567")] // 10 digits: too short for a mobile number
    public void ordinary_text_and_short_numbers_do_not(string? text)
    {
        PersonalDataGuard.LooksPersonal(text).ShouldBeFalse();
    }

    [Theory]
    [InlineData("138123456789")] // 12 digits
    [InlineData("台账编号 20261123138123456789")] // a mobile-shaped run inside a longer number
    [InlineData("1101051949123100211")] // 19 digits
    [InlineData("11010519491231002")] // 17 digits
    public void longer_or_shorter_digit_runs_that_are_neither_do_not(string text)
    {
        PersonalDataGuard.LooksPersonal(text).ShouldBeFalse();
    }

    [Fact]
    public void an_x_only_completes_an_id_number_at_its_end()
    {
        // Without the X the run is 17 digits; with a letter after the X it is a longer code.
        PersonalDataGuard.LooksPersonal("11010519491231002X").ShouldBeTrue();
        PersonalDataGuard.LooksPersonal("X11010519491231002").ShouldBeFalse();
        PersonalDataGuard.LooksPersonal("11010519491231002XA").ShouldBeFalse();
    }

    [Fact]
    public void text_is_trimmed_and_blank_optional_text_becomes_none()
    {
        PersonalDataGuard.Text("  巡防  ", "note", 10).ShouldBe("巡防");
        PersonalDataGuard.Text("   ", "note", 10).ShouldBeNull();
        PersonalDataGuard.Text(null, "note", 10).ShouldBeNull();
    }

    [Fact]
    public void the_length_limit_applies_after_trimming()
    {
        PersonalDataGuard.Text("  1234567890  ", "note", 10).ShouldBe("1234567890");
        var violation = Should.Throw<LedgerRuleViolation>(() => PersonalDataGuard.Text("12345678901", "note", 10));

        violation.Code.ShouldBe("too_long");
        violation.Field.ShouldBe("note");
    }

    [Fact]
    public void required_text_that_is_blank_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => PersonalDataGuard.Text(" ", "reason", 10, required: true));

        violation.Code.ShouldBe("required");
        violation.Field.ShouldBe("reason");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }
}

public sealed class when_free_text_hides_characters
{
    [Theory]
    [InlineData("张\u200B晓梅")]     // zero-width space
    [InlineData("巡防\u202E记录")]   // right-to-left override
    [InlineData("note\u0000")]       // NUL
    [InlineData("a\u0007b")]         // bell
    [InlineData("\uFEFF备注")]       // byte-order mark
    public void control_zero_width_and_bidi_characters_are_refused(string text)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => PersonalDataGuard.Text(text, "note", 100));

        violation.Code.ShouldBe("invalid_characters");
        violation.Field.ShouldBe("note");
    }

    [Fact]
    public void line_breaks_and_tabs_in_a_note_are_fine()
    {
        PersonalDataGuard.Text("第一行\n第二行\t备注", "note", 100).ShouldBe("第一行\n第二行\t备注");
    }
}
