using System.Text.RegularExpressions;
using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Communities;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Identity;

public sealed record NewUser(
    string Username,
    Role[] Roles,
    Guid[] CommunityIds,
    Guid? VolunteerId,
    bool CanReadPersonalData);

/// <summary>A one-time code handed to a new user; they choose their password with it.</summary>
public sealed record Activation(string Username, string Code, Instant ExpiresAt);

/// <summary>Creating and finding sign-in accounts.</summary>
public static partial class UserDirectory
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,39}$")]
    private static partial Regex UsernamePattern();

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public static async Task<UserAccount?> Find(IQuerySession session, string username, CancellationToken ct)
    {
        var name = Normalize(username);
        // Every account was created with a name of this shape; anything else (a NUL, which PostgreSQL refuses
        // outright, or 10,000 characters) names no account and is not worth a query.
        if (!UsernamePattern().IsMatch(name)) return null;
        return await session.Query<UserAccount>().Where(u => u.Username == name).FirstOrDefaultAsync(ct);
    }

    public static async Task<(UserAccount User, Activation Activation)> Create(IDocumentSession session, NewUser request,
        string actor, Instant now, int activationDays, CancellationToken ct, bool volunteerJustRegistered = false)
    {
        var username = Normalize(request.Username);
        if (!UsernamePattern().IsMatch(username) || PersonalDataGuard.LooksPersonal(username))
            throw LedgerRuleViolation.Invalid("invalid_username",
                "用户名须为 3-40 位小写字母、数字、点、下划线或连字符，且不能是手机号 / username must be 3-40 lowercase letters, digits, dots, underscores or hyphens, and not a phone number",
                "username");
        if (request.Roles.Length == 0)
            throw LedgerRuleViolation.Invalid("roles_required", "至少需要一个角色 / at least one role is required", "roles");
        if (request.Roles.Any(r => r is Role.Office or Role.Organizer) && request.CommunityIds.Length == 0)
            throw LedgerRuleViolation.Invalid("community_scope_required",
                "办公室和组织者账号须指定社区 / office and organizer accounts need at least one community", "communityIds");
        if (request.Roles.Any(r => r is Role.Volunteer or Role.Organizer) && request.VolunteerId is null)
            throw LedgerRuleViolation.Invalid("volunteer_link_required",
                "志愿者和组织者账号须关联志愿者 / volunteer and organizer accounts must be linked to a volunteer", "volunteerId");
        foreach (var community in request.CommunityIds)
            _ = await session.LoadAsync<CommunityView>(community, ct)
                ?? throw LedgerRuleViolation.NotFound("community", community, "communityIds");
        if (request.VolunteerId is { } volunteerId)
        {
            // A volunteer registered in this same request has no read model until it commits.
            if (!volunteerJustRegistered)
                _ = await session.LoadAsync<VolunteerProfile>(volunteerId, ct)
                    ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId, "volunteerId");
            if (await session.Query<UserAccount>().AnyAsync(u => u.VolunteerId == volunteerId, ct))
                throw LedgerRuleViolation.Conflict("volunteer_has_account",
                    "该志愿者已有账号 / this volunteer already has an account", "volunteerId");
        }
        if (await Find(session, username, ct) is not null)
            throw LedgerRuleViolation.Conflict("username_taken", $"用户名 {username} 已被使用 / username {username} is taken",
                "username");

        var code = Passwords.NewActivationCode();
        var expires = now.Plus(Duration.FromDays(activationDays));
        var user = new UserAccount(Guid.CreateVersion7(), username, request.Roles.Distinct().Order().ToArray(),
            request.CommunityIds.Distinct().ToArray(), request.VolunteerId, request.CanReadPersonalData, now, actor,
            ActivationCodeHash: Passwords.HashCode(code), ActivationExpiresAt: expires);
        session.Insert(user);
        SecurityLog.Record(session, now, SecurityLog.AccountCreated, actor, null, user.Id.ToString(),
            string.Join(",", user.Roles));
        return (user, new Activation(username, code, expires));
    }
}
