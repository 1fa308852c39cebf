using System.Text.RegularExpressions;

namespace QunTuan.Ledger.Shared;

/// <summary>
/// Events can never be edited, so phone and ID-card numbers must never reach one (PIPL: they could not be
/// erased). Free text that looks like either is refused at the door.
/// </summary>
public static partial class PersonalDataGuard
{
    // 138xxxxxxxx, also written 138 xxxx xxxx / 138-xxxx-xxxx and with a +86 or 0086 country prefix.
    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdCardNumber();

    /// <summary>Control characters, zero-width characters and bidirectional overrides: they hide or reorder
    /// what a clerk or auditor reads, and have no place in a name or a note.</summary>
    public static bool Invisible(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\t')) ||
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or
            (>= '\u2066' and <= '\u2069');

    public static bool LooksPersonal(string? text) =>
        !string.IsNullOrEmpty(text) && (MobileNumber().IsMatch(text) || IdCardNumber().IsMatch(text));

    /// <summary>Checks a free-text field: optional length limit, and no phone or ID-card numbers.</summary>
    public static string? Text(string? value, string field, int maxLength, bool required = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                throw LedgerRuleViolation.Invalid("required", $"{field} 不能为空 / {field} is required", field);
            return null;
        }
        if (text.Any(Invisible))
            throw LedgerRuleViolation.Invalid("invalid_characters",
                $"{field} 含有控制字符或不可见字符 / {field} contains control or invisible characters", field);
        if (text.Length > maxLength)
            throw LedgerRuleViolation.Invalid("too_long",
                $"{field} 不能超过 {maxLength} 个字符 / {field} must be at most {maxLength} characters", field);
        if (LooksPersonal(text))
            throw LedgerRuleViolation.Invalid("personal_data_not_allowed",
                $"{field} 不得包含手机号或身份证号 / {field} must not contain a phone or ID-card number", field);
        return text;
    }
}
