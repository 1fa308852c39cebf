using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;

namespace QunTuan.Api.Limits;

/// <summary>
/// ASP.NET Core rate limiting: sign-in attempts per client address and per account, and state-changing
/// requests per user. A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimitSetup
{
    private const string AttemptedAccount = "qt.attempted-account";

    public static void AddQunTuanRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitOptions>(config.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                SignInPer("address", c => c.Connection.RemoteIpAddress?.ToString() ?? "unknown", o => o.SignInPerAddress),
                SignInPer("account", c => c.Items[AttemptedAccount] as string, o => o.SignInPerAccount),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var user = CurrentUser.From(context.User);
                    if (user is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                        return RateLimitPartition.GetNoLimiter("");
                    var o = Options(context);
                    return RateLimitPartition.Get("mutations:" + user.Id, _ => new ClockWindowLimiter(Clock(context),
                        o.MutationsPerUser, Duration.FromSeconds(o.MutationWindowSeconds)));
                }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
                    : 60;
                context.Response.Headers.RetryAfter = seconds.ToString();
                await Problems.Write(context, Problems.Create(context, 429, "rate_limited",
                    $"请求过于频繁，请 {seconds} 秒后再试 / too many requests; retry in {seconds} s"));
            };
        });
    }

    /// <summary>Reads the account a sign-in attempt names, so attempts can be counted per account.</summary>
    public static IApplicationBuilder UseSignInAccountCapture(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.ContentLength is > 0)
            {
                context.Request.EnableBuffering();
                try
                {
                    var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                    if (body is JsonObject fields && fields["username"] is JsonValue v && v.TryGetValue<string>(out var name))
                        context.Items[AttemptedAccount] = UserDirectory.Normalize(name);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
                {
                    // Not JSON, not an object, a duplicated key or invalid UTF-8 (JsonNode reports the last three
                    // only when read): the endpoint refuses the body; the attempt still counts per address.
                }
                finally
                {
                    context.Request.Body.Position = 0;
                }
            }
            await next(context);
        });

    private static PartitionedRateLimiter<HttpContext> SignInPer(string what, Func<HttpContext, string?> key,
        Func<RateLimitOptions, int> permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsSignIn(context) || key(context) is not { } value) return RateLimitPartition.GetNoLimiter("");
            var o = Options(context);
            return RateLimitPartition.Get($"sign-in:{what}:{value}", _ => new ClockWindowLimiter(Clock(context),
                permits(o), Duration.FromSeconds(o.SignInWindowSeconds)));
        });

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/auth");

    private static RateLimitOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static IClock Clock(HttpContext context) => context.RequestServices.GetRequiredService<IClock>();
}
