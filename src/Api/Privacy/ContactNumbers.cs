using System.Text.RegularExpressions;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Privacy;

/// <summary>Validation and masking of mainland mobile numbers and resident ID-card numbers (GB 11643).</summary>
public static partial class ContactNumbers
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex IdCard();

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    public static string NormalizePhone(string value)
    {
        var digits = value.Trim().Replace(" ", "").Replace("-", "");
        if (digits.StartsWith("+86")) digits = digits[3..];
        if (!Mobile().IsMatch(digits))
            throw LedgerRuleViolation.Invalid("invalid_phone",
                "手机号须为 11 位，以 13-19 开头 / phone must be an 11-digit mainland mobile number", "phone");
        return digits;
    }

    public static string NormalizeIdCard(string value)
    {
        var id = value.Trim().ToUpperInvariant();
        if (!IdCard().IsMatch(id) || CheckDigits[Weights.Select((w, i) => w * (id[i] - '0')).Sum() % 11] != id[17])
            throw LedgerRuleViolation.Invalid("invalid_id_card",
                "身份证号须为 18 位且校验码正确 / idCardNumber must be an 18-character resident ID with a valid check digit",
                "idCardNumber");
        return id;
    }

    /// <summary>138****5678</summary>
    public static string MaskPhone(string phone) => phone[..3] + "****" + phone[^4..];

    /// <summary>3301**********1234</summary>
    public static string MaskIdCard(string id) => id[..4] + new string('*', id.Length - 8) + id[^4..];
}
