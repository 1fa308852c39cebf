using Microsoft.AspNetCore.Mvc;

namespace QunTuan.Api.Infrastructure;

/// <summary>Builds the RFC 7807 bodies the API returns: every problem names its rule (<c>code</c>) and, when
/// one field is at fault, the field, also under <c>errors</c> in the shape ASP.NET clients know.</summary>
public static class Problems
{
    public static ProblemDetails Create(HttpContext context, int status, string code, string detail,
        string? field = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"urn:quntuan:problem:{code}",
            Title = TitleFor(status),
            Status = status,
            Detail = detail,
            Instance = context.Request.Path
        };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }
        return problem;
    }

    public static Task Write(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return Results.Problem(problem).ExecuteAsync(context);
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "请求格式有误 / The request is malformed",
        401 => "未登录 / Not signed in",
        403 => "无权操作 / Not allowed",
        404 => "未找到 / Not found",
        409 => "与当前状态冲突 / Conflicts with the current state",
        413 => "请求过大 / Request too large",
        415 => "不支持的内容类型 / Unsupported media type",
        422 => "不符合业务规则 / Breaks a business rule",
        429 => "请求过于频繁 / Too many requests",
        503 => "暂时无法提供 / Temporarily unavailable",
        _ => "服务器内部错误 / Internal server error"
    };
}
