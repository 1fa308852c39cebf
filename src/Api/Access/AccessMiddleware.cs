using Marten;
using Microsoft.AspNetCore.Routing.Patterns;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;

namespace QunTuan.Api.Access;

/// <summary>
/// The one place access is decided, before any endpoint runs: 401 without a valid token, 403 when none of the
/// user's roles may call the route at all, and the resource's own 404 when it lies outside the user's reach
/// (so another community's ids cannot be told apart from ids that do not exist). Refusals are logged.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IDocumentStore store, IClock clock)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var rule = AccessRules.Find(context.Request.Method, Route(endpoint.RoutePattern));
        if (rule is { Public: true })
        {
            await next(context);
            return;
        }

        var user = CurrentUser.From(context.User);
        if (user is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Write(context, Problems.Create(context, 401, "unauthenticated",
                "请先登录 / sign in first: send a valid bearer token"));
            return;
        }
        if (rule is null)
        {
            await Deny(context, store, clock, user, "no_access_rule");
            return;
        }
        if (user.Is(Role.Admin))
        {
            await next(context);
            return;
        }

        await using var session = store.QuerySession();
        var access = new AccessContext(context, session);
        var grants = new List<Grant>();
        foreach (var grant in rule.Grants.Where(g => user.Is(g.Role) &&
                                                     (g.Reach != Reach.AllCommunities || user.CommunityIds.Count == 0)))
            if (grant.OnlyWithBodyField is null || await access.BodyHas(grant.OnlyWithBodyField))
                grants.Add(grant);
        if (rule.OfficeOnlyFlags is { } flags)
            foreach (var flag in flags)
                if (await access.BodyFlag(flag))
                    grants = grants.Where(g => g.Role == Role.Office).ToList();
        if (rule.AuditOnlyQuery is { } parameters && parameters.Any(p => context.Request.Query.ContainsKey(p)))
            grants = grants.Where(g => g.Role == Role.Auditor).ToList();
        if (grants.Count == 0)
        {
            await Deny(context, store, clock, user, "role");
            return;
        }

        var located = await rule.Locate(access);
        // A resource that does not exist is left to the endpoint, which answers 404 or validates the request.
        if (located.Resource.Exists && !grants.Any(g => Reaches(user, g, located.Resource)))
        {
            await SecurityLog.Write(store, clock.GetCurrentInstant(), SecurityLog.AccessDenied, user.Username, user.Id,
                $"{context.Request.Method} {context.Request.Path}", "out_of_scope", context.RequestAborted);
            throw located.NotFound;
        }

        await next(context);
    }

    public static bool Reaches(CurrentUser user, Grant grant, Resource resource) => grant.Reach switch
    {
        Reach.Anywhere or Reach.AllCommunities => true,
        Reach.Community => user.Covers(grant.Role, resource.CommunityId),
        Reach.Own => user.VolunteerId is { } own && resource.OwnerVolunteerId == own,
        Reach.Organized => user.VolunteerId is { } me && resource.Organizers?.Contains(me) == true &&
                           (user.Covers(grant.Role, resource.CommunityId) ||
                            resource.OrganizerCommunities?.Any(c => user.Covers(grant.Role, c)) == true),
        _ => false
    };

    /// <summary>The route template as the rules spell it: leading slash, parameter constraints dropped.</summary>
    public static string Route(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart p => "{" + p.Name + "}",
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            _ => ""
        }))));

    private static async Task Deny(HttpContext context, IDocumentStore store, IClock clock, CurrentUser user, string why)
    {
        await SecurityLog.Write(store, clock.GetCurrentInstant(), SecurityLog.AccessDenied, user.Username, user.Id,
            $"{context.Request.Method} {context.Request.Path}", why, context.RequestAborted);
        await Problems.Write(context, Problems.Create(context, 403, "forbidden",
            "您的角色无权执行此操作 / your role may not do this"));
    }
}
