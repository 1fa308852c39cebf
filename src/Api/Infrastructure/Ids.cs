using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Infrastructure;

public static class Ids
{
    /// <summary>Parses an id from a route; anything that is not a UUID cannot name a resource, so it is a 404.</summary>
    public static Guid FromRoute(string value, string what) =>
        Guid.TryParse(value, out var id) ? id : throw LedgerRuleViolation.NotFound(what, value);
}
