using Microsoft.Extensions.Options;
using QunTuan.Api.Infrastructure;

namespace QunTuan.Api.Limits;

/// <summary>
/// Refuses request bodies over the limit (64 KB) with 413 before anything reads them, whether the client
/// declared a length or streams the body in chunks.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var declared = context.Request.ContentLength;
        if (declared > limit || (declared is null && await Exceeds(context, limit)))
        {
            await Problems.Write(context, Problems.Create(context, 413, "body_too_large",
                $"请求体不能超过 {limit / 1024} KB / the request body must be at most {limit / 1024} KB"));
            return;
        }
        await next(context);
    }

    private static async Task<bool> Exceeds(HttpContext context, int limit)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return false;
        context.Request.EnableBuffering(bufferThreshold: limit, bufferLimit: limit + 1);
        var buffer = new byte[8192];
        long total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                if ((total += read) > limit) return true;
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return true; // the buffer refused to grow past the limit
        }
        context.Request.Body.Position = 0;
        return false;
    }
}
