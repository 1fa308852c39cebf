using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Infrastructure;

/// <summary>
/// Refuses a URL whose path or query holds control, zero-width or bidirectional characters, before anything
/// reads it. Ids and numbers are parsed leniently further in (Guid and int parsing skip surrounding whitespace,
/// and int parsing trailing NULs), so <c>/api/volunteers/{id}%0A/profile</c> or <c>?page=1%00</c> would otherwise
/// act on what they resemble.
/// </summary>
public sealed class UrlCharacterGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var field = HasHiddenCharacters(context.Request.Path.Value) ? "path"
            : context.Request.Query.Where(q => HasHiddenCharacters(q.Key) || q.Value.Any(HasHiddenCharacters))
                .Select(q => q.Key.Length > 0 ? q.Key : "query").FirstOrDefault();
        if (field is null)
        {
            await next(context);
            return;
        }
        await Problems.Write(context, Problems.Create(context, 400, "invalid_characters",
            "地址含有控制字符或不可见字符 / the URL contains control or invisible characters", field));
    }

    private static bool HasHiddenCharacters(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) || PersonalDataGuard.Invisible(c));
}
