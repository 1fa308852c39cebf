using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Identity;

/// <summary>
/// Security-relevant facts that are not ledger events: sign-ins refused, access denied, personal data read
/// unmasked, profiles erased, accounts created. Kept as documents so auditors can list them.
/// </summary>
public sealed record SecurityEvent(
    Guid Id,
    Instant At,
    string Action,
    string? Username,
    Guid? UserId,
    string? Subject,
    string? Detail);

public static class SecurityLog
{
    public const string SignInRefused = "sign_in_refused";
    public const string AccessDenied = "access_denied";
    public const string PersonalDataRead = "personal_data_read";
    public const string ProfileErased = "profile_erased";
    public const string AccountCreated = "account_created";
    public const string AccountActivated = "account_activated";

    /// <summary>Logged text may come straight from a request (the username of a refused sign-in).</summary>
    public const int MaxTextLength = 200;

    public static void Record(IDocumentSession session, Instant at, string action, string? username, Guid? userId,
        string? subject = null, string? detail = null) =>
        session.Store(new SecurityEvent(Guid.CreateVersion7(), at, action, Clean(username), userId, Clean(subject),
            Clean(detail)));

    // PostgreSQL refuses a NUL in JSON outright, and the log is for people to read: invisible characters are
    // shown as U+FFFD and text is cut to a readable length, so a hostile sign-in attempt is still recorded.
    private static string? Clean(string? text)
    {
        if (text is null) return null;
        var shown = text.Length > MaxTextLength ? text[..MaxTextLength] + "…" : text;
        return shown.Any(PersonalDataGuard.Invisible)
            ? string.Concat(shown.Select(c => PersonalDataGuard.Invisible(c) ? '\uFFFD' : c))
            : shown;
    }

    public static async Task Write(IDocumentStore store, Instant at, string action, string? username, Guid? userId,
        string? subject = null, string? detail = null, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        Record(session, at, action, username, userId, subject, detail);
        await session.SaveChangesAsync(ct);
    }
}
