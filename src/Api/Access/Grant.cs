using QunTuan.Api.Identity;

namespace QunTuan.Api.Access;

public enum Reach
{
    /// <summary>Anything, wherever it is (administrators; and everyone on routes tied to no community).</summary>
    Anywhere,
    /// <summary>The resource's community is in the user's scope.</summary>
    Community,
    /// <summary>The resource belongs to the user's own volunteer record.</summary>
    Own,
    /// <summary>The user's volunteer record organizes the resource (its team or shift), in their community (or, for a
    /// street river team, in one of the street's communities).</summary>
    Organized,
    /// <summary>The whole store: only for a user whose scope is every community (an auditor with no listed
    /// community). Scoped users are refused the route outright, with a 403.</summary>
    AllCommunities
}

/// <summary>
/// One way a role may pass a rule. With <see cref="OnlyWithBodyField"/> the grant counts only when the request
/// body carries that field (a volunteer checks in by themself only with the shift's code).
/// </summary>
public sealed record Grant(Role Role, Reach Reach, string? OnlyWithBodyField = null);
