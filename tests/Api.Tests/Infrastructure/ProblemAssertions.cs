using System.Net;
using System.Text.Json.Nodes;

namespace QunTuan.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 response with the given status and rule code, naming the field when given.</summary>
    public static async Task<JsonObject> ShouldBeProblem(this HttpResponseMessage response, int status, string code,
        string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["code"]!.GetValue<string>().ShouldBe(code, text);
        problem["type"]!.GetValue<string>().ShouldBe($"urn:quntuan:problem:{code}");
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        if (field is not null)
        {
            problem["field"]!.GetValue<string>().ShouldBe(field, text);
            problem["errors"]![field].ShouldNotBeNull(text);
        }
        return problem;
    }

    public static void ShouldBe(this HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode.ShouldBe(status, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
}
