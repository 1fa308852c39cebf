using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using Wolverine.Http;

namespace QunTuan.Api.Identity;

public sealed record ActivateAccountRequest(string Username, string Code, string Password);

public sealed record AccountActivated(string Username, Instant ActivatedAt);

public static class ActivateAccountEndpoint
{
    /// <summary>A new user sets their password with the one-time code the office gave them.</summary>
    [WolverinePost("/api/auth/activate")]
    public static async Task<AccountActivated> Post(ActivateAccountRequest request, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var user = await UserDirectory.Find(session, request.Username, ct);
        // One answer for every way a code can be wrong, so codes and usernames cannot be probed.
        if (user is null || user.Disabled || user.ActivationExpiresAt is not { } expires || now > expires ||
            !Passwords.CodeMatches(user.ActivationCodeHash, request.Code))
            throw LedgerRuleViolation.Invalid("invalid_activation_code",
                "激活码无效、已使用或已过期 / the activation code is wrong, used or expired", "code");
        Passwords.EnsureAcceptable(request.Password);

        var activated = user with { ActivationCodeHash = null, ActivationExpiresAt = null, PasswordSetAt = now };
        session.Update(activated with { PasswordHash = Passwords.Hash(activated, request.Password) });
        SecurityLog.Record(session, now, SecurityLog.AccountActivated, user.Username, user.Id);
        return new AccountActivated(user.Username, now);
    }
}
