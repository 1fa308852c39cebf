namespace QunTuan.Api.Infrastructure;

/// <summary>A request the HTTP edge refuses before any domain rule runs (bad paging, bad header): a 400.</summary>
public sealed class RequestRejected(string? field, string code, string message) : Exception(message)
{
    /// <summary>The request field or header at fault, or null when it is the request as a whole.</summary>
    public string? Field { get; } = field;
    public string Code { get; } = code;
}
