using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace QunTuan.Api.Infrastructure;

/// <summary>
/// Gives every problem response the same shape, including the ones written by the framework: Wolverine's
/// JSON binding failures and query string values of the wrong type (400) and bare status codes such as an
/// unknown route (404) or a missing content type (415). Each gets a <c>code</c>, and binding failures also the
/// <c>field</c> they concern, read off the message, which names the JSON path, property or query parameter.
/// </summary>
public static partial class ProblemEnricher
{
    public static void Enrich(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;

        var (code, field) = problem.Status switch
        {
            400 when problem.Detail is { } detail => FromJsonMessage(detail),
            400 => ("bad_request", null),
            404 => ("not_found", null),
            405 => ("method_not_allowed", null),
            406 => ("not_acceptable", null),
            413 => ("body_too_large", null),
            415 => ("unsupported_media_type", null),
            _ => ("http_" + problem.Status, null)
        };

        problem.Type = $"urn:quntuan:problem:{code}";
        problem.Title = Problems.TitleFor(problem.Status ?? 500);
        problem.Extensions["code"] = code;
        if (problem.Status == 400 && problem.Detail is { } original)
        {
            problem.Extensions["originalDetail"] = original;
            problem.Detail = Explain(code, field);
        }
        problem.Detail ??= code switch
        {
            "not_found" => "没有这个地址 / no such resource",
            "unsupported_media_type" => "请求体须为 JSON（Content-Type: application/json） / the body must be JSON (Content-Type: application/json)",
            _ => null
        };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail ?? code] };
        }
    }

    private static (string Code, string? Field) FromJsonMessage(string detail)
    {
        if (UnparseableQueryValue().Match(detail) is { Success: true } query)
            return ("invalid_value", query.Groups[1].Value);
        if (MissingProperties().Match(detail) is { Success: true } missing)
            return ("required", missing.Groups[1].Value);
        if (UnknownProperty().Match(detail) is { Success: true } unknown)
            return ("unknown_field", unknown.Groups[1].Value);
        if (NullNotAllowed().Match(detail) is { Success: true } isNull)
            return ("required", Camel(isNull.Groups[1].Value));
        if (JsonPath().Match(detail) is { Success: true } path && path.Groups[1].Value.Length > 0)
            return (detail.Contains("could not be converted") ? "invalid_value" : "malformed_json",
                path.Groups[1].Value.TrimStart('.'));
        return ("malformed_json", null);
    }

    private static string Explain(string code, string? field) => code switch
    {
        "required" => $"缺少必填字段 {field} / the required field {field} is missing or null",
        "unknown_field" => $"无法识别的字段 {field} / {field} is not a field of this request",
        "invalid_value" => $"字段 {field} 的值格式或类型不对 / {field} has a value of the wrong type or format",
        _ => "请求体不是有效的 JSON / the body is not valid JSON"
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"(?:parameter|property or field) '([^']+)' .*(?:doesn't allow|does not allow|cannot be) (?:getting |setting )?null")]
    private static partial Regex NullNotAllowed();

    // Wolverine's 400 for a query string value of the wrong type (RejectUnparseableQueryValues): not a body problem.
    [GeneratedRegex(@"^Query string parameter '([^']+)' has the value")]
    private static partial Regex UnparseableQueryValue();

    [GeneratedRegex(@"Path: \$([^ |]*)")]
    private static partial Regex JsonPath();
}
