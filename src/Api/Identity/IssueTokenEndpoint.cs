using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using QunTuan.Api.Infrastructure;
using Wolverine.Http;

namespace QunTuan.Api.Identity;

public sealed record TokenRequest(string Username, string Password);

public static class IssueTokenEndpoint
{
    /// <summary>Signs in with username and password and returns a 15-minute bearer token.</summary>
    [WolverinePost("/api/auth/token")]
    public static async Task<IResult> Post(TokenRequest request, HttpContext context, IDocumentStore store,
        TokenIssuer tokens, IOptions<AuthOptions> options, IClock clock, CancellationToken ct)
    {
        if (options.Value.Authority is not null)
            throw new RequestRejected(null, "external_sign_in",
                "请通过城市统一身份认证登录 / sign in through the configured identity provider");

        await using var session = store.QuerySession();
        var user = await UserDirectory.Find(session, request.Username, ct);
        if (user is null || user.Disabled || !Passwords.Verify(user, request.Password))
        {
            await SecurityLog.Write(store, clock.GetCurrentInstant(), SecurityLog.SignInRefused,
                UserDirectory.Normalize(request.Username), user?.Id, context.Connection.RemoteIpAddress?.ToString(), ct: ct);
            return Results.Problem(Problems.Create(context, 401, "invalid_credentials",
                "用户名或密码不正确 / wrong username or password"));
        }
        return Results.Ok(tokens.Issue(user));
    }
}
