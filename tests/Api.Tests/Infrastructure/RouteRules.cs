using System.Text.RegularExpressions;
using QunTuan.Api.Access;
using QunTuan.Api.Identity;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>Finds the access rule behind a concrete URL, so a test can act as a user the rule lets through.</summary>
public static class RouteRules
{
    public static AccessRule? For(string method, string url)
    {
        var path = url.Split('?')[0];
        return AccessRules.All
            .Where(r => r.Method == method && Regex.IsMatch(path, Pattern(r.Route)))
            .OrderBy(r => r.Route.Count(c => c == '{')) // literal segments beat parameters
            .FirstOrDefault();
    }

    /// <summary>An administrator for administration routes, else the default Lanhua office clerk.</summary>
    public static UserAccount AllowedUser(string method, string url) =>
        For(method, url) is { Public: false, Grants.Count: 0 } ? TestUsers.Admin() : TestUsers.Office();

    private static string Pattern(string route) =>
        "^" + Regex.Replace(Regex.Escape(route).Replace("\\{", "{").Replace("\\}", "}"), "{[^}]+}", "[^/]+") + "$";
}
