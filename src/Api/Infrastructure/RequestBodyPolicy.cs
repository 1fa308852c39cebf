using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;

namespace QunTuan.Api.Infrastructure;

/// <summary>
/// A JSON body of <c>null</c> is valid JSON, so System.Text.Json binds it as a null request and the endpoint
/// would fail on it with a 500. Every endpoint that reads a request body checks it is there right after
/// binding, and refuses a null one as a 400 like any other body that is not a JSON object.
/// </summary>
public sealed class RequestBodyPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        var required = typeof(RequestBody).GetMethod(nameof(RequestBody.Required))!;
        foreach (var chain in chains.Where(c => c.RequestType is { IsClass: true } && !c.IsFormData))
            chain.Middleware.Add(new MethodCall(typeof(RequestBody), required.MakeGenericMethod(chain.RequestType!)));
    }
}

public static class RequestBody
{
    public static void Required<T>(T? request) where T : class
    {
        if (request is null)
            throw new RequestRejected(null, "malformed_json",
                "请求体须为 JSON 对象，不能为 null / the body must be a JSON object, not null");
    }
}
