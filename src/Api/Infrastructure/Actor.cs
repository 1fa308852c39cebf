using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Infrastructure;

/// <summary>
/// Who is acting. Until sign-in exists (issue 4) the caller names itself in the <c>X-Actor</c> header; every
/// event records it, so the statement shows who verified or corrected each movement.
/// </summary>
public static class Actor
{
    public const string Header = "X-Actor";
    public const string Anonymous = "anonymous";
    private const int MaxLength = 64;

    public static string Of(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString().Trim();
        if (value.Length == 0) return Anonymous;
        if (PersonalDataGuard.LooksPersonal(value))
            throw new RequestRejected(Header, "personal_data_not_allowed",
                $"{Header} 会写入不可删除的事件，不得包含手机号或身份证号 / {Header} is written into permanent events and must not contain a phone or ID-card number");
        if (value.Length > MaxLength || value.Any(char.IsControl))
            throw new RequestRejected(Header, "invalid_actor",
                $"{Header} 须为不超过 {MaxLength} 个字符的名称 / {Header} must be a name of at most {MaxLength} characters");
        return value;
    }
}
