using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Infrastructure;

/// <summary>
/// Turns every exception that escapes an endpoint into a problem response. Nothing was committed when one
/// escapes (the transaction is applied after the endpoint returns), so no request is ever half-written.
/// </summary>
public sealed class ProblemMapping(ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            LedgerRuleViolation v => Problems.Create(context, StatusOf(v.Kind), v.Code, v.Message, v.Field),
            QunTuan.Api.Privacy.PersonalDataRefused => Problems.Create(context, 403, "personal_data_permission_required",
                "查看完整证件号和手机号需要个人信息查阅权限 / seeing full phone and ID numbers needs the personal-data permission"),
            QunTuan.Api.Participation.ProjectionsLagging => Problems.Create(context, 503, "projections_lagging",
                "统计数据尚在更新，请稍后重试 / the figures are still being brought up to date; retry shortly"),
            RequestRejected r => Problems.Create(context, 400, r.Code, r.Message, r.Field),
            DocumentAlreadyExistsException => Problems.Create(context, 409, "idempotency_key_in_use",
                "同一幂等键的请求正在处理，请稍后重试 / a request with this Idempotency-Key is being processed; retry shortly",
                "Idempotency-Key"),
            JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
                Problems.Create(context, 409, "already_exists",
                    "该记录已存在 / a resource with this id already exists"),
            ConcurrencyException or JasperFx.Events.StreamLockedException or Marten.Exceptions.StreamLockedException => Problems.Create(context, 409, "concurrent_update",
                "数据刚被他人修改，请刷新后重试 / someone else changed this just now; reload and try again"),
            BadHttpRequestException b => Problems.Create(context, b.StatusCode, b.StatusCode == 413 ? "body_too_large" : "bad_request",
                b.Message),
            JsonException j => Problems.Create(context, 400, "malformed_json", j.Message, j.Path?.TrimStart('$', '.')),
            _ => null
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Create(context, 500, "internal_error",
                "服务器出错，操作未生效 / the server failed; nothing was changed");
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Code}", context.Request.Method, context.Request.Path,
                problem.Extensions["code"]);
        }

        if (context.Response.HasStarted) return false;
        // The daemon usually catches up within seconds; tell clients when to look again.
        if (exception is QunTuan.Api.Participation.ProjectionsLagging) context.Response.Headers.RetryAfter = "5";
        await Problems.Write(context, problem);
        return true;
    }

    private static int StatusOf(ViolationKind kind) => kind switch
    {
        ViolationKind.NotFound => 404,
        ViolationKind.Conflict => 409,
        _ => 422
    };
}
