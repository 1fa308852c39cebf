using QunTuan.Api.Identity;

namespace QunTuan.Api.Infrastructure;

/// <summary>Who is acting: the signed-in user's name, recorded on every event and shown on statements.</summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context) => CurrentUser.From(context.User)?.Username ?? Anonymous;
}
