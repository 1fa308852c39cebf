namespace QunTuan.Api.Limits;

/// <summary>The <c>RateLimits</c> configuration section (RELIABILITY.md §4.3).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and activation attempts per client address per window.</summary>
    public int SignInPerAddress { get; set; } = 10;

    /// <summary>Sign-in and activation attempts per account per window.</summary>
    public int SignInPerAccount { get; set; } = 5;

    public int SignInWindowSeconds { get; set; } = 600;

    /// <summary>State-changing requests per signed-in user per window.</summary>
    public int MutationsPerUser { get; set; } = 60;

    public int MutationWindowSeconds { get; set; } = 60;

    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
