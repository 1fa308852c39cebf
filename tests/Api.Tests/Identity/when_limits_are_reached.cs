using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NodaTime;
using NodaTime.Testing;
using QunTuan.Api.Identity;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Identity;

/// <summary>A host of its own with the real limits (and tighter mutation limits), in Development with demo users.</summary>
public sealed class LimitedApp : IAsyncLifetime
{
    public AppFactory Factory { get; } = new(TestDatabase.NewSchema(), new FakeClock(AppFactory.DefaultNow))
    {
        EnvironmentName = "Development"
    };

    public LimitedApp()
    {
        Factory.Settings["RateLimits:SignInPerAddress"] = "10";
        Factory.Settings["RateLimits:SignInPerAccount"] = "5";
        Factory.Settings["RateLimits:MutationsPerUser"] = "5";
    }

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await AppFactory.DropSchema(Factory.Schema);
    }
}

public sealed class when_limits_are_reached(LimitedApp app) : IClassFixture<LimitedApp>
{
    private AppFactory App => app.Factory;

    private async Task<HttpResponseMessage> SignIn(string username, string password = "wrong-password")
    {
        using var client = App.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, password),
            IntegrationContext.Json);
    }

    private void NextWindow(int seconds) => App.Clock.Advance(Duration.FromSeconds(seconds));

    [Fact]
    public async Task sign_in_attempts_per_account_are_limited_then_recover()
    {
        NextWindow(600);
        for (var i = 0; i < 5; i++)
            (await SignIn("volunteer.demo1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await SignIn("volunteer.demo1", DemoUsers.DefaultPassword);

        await refused.ShouldBeProblem(429, "rate_limited");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 600);

        App.Clock.Advance(Duration.FromSeconds(retryAfter));
        (await SignIn("volunteer.demo1", DemoUsers.DefaultPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task sign_in_attempts_per_address_are_limited_across_accounts()
    {
        NextWindow(600);
        for (var i = 0; i < 10; i++)
            (await SignIn($"guess-{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await (await SignIn("guess-10")).ShouldBeProblem(429, "rate_limited");

        NextWindow(600);
        (await SignIn("guess-11")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task state_changes_per_user_are_limited_then_recover()
    {
        NextWindow(60);
        using var clerk = App.ClientFor(TestUsers.Office("clerk-busy"));
        var submit = () => clerk.PostAsJsonAsync("/api/service-records",
            new SubmitServiceRecordRequest(Seeded.ZhangXiaomei, "CB02", new LocalDate(2026, 11, 20)), IntegrationContext.Json);

        for (var i = 0; i < 5; i++) (await submit()).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await submit();
        await refused.ShouldBeProblem(429, "rate_limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();

        // Reading is not limited, and another clerk is not held up by this one.
        (await clerk.GetAsync($"/api/volunteers/{Seeded.ZhangXiaomei}/balance")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = App.ClientFor(TestUsers.Office("clerk-calm"));
        (await other.PostAsJsonAsync("/api/service-records",
            new SubmitServiceRecordRequest(Seeded.LiJianguo, "CB02", new LocalDate(2026, 11, 20)), IntegrationContext.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        NextWindow(60);
        (await submit()).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_body_over_64_kb_is_refused_with_413_whether_declared_or_streamed()
    {
        using var clerk = App.ClientFor(TestUsers.Office("clerk-large"));
        var big = $$"""{"volunteerId":"{{Seeded.ZhangXiaomei}}","activityCode":"CB02","serviceDate":"2026-11-20","note":"{{new string('x', 70_000)}}"}""";

        var declared = await clerk.PostAsync("/api/service-records",
            new StringContent(big, System.Text.Encoding.UTF8, "application/json"));
        await declared.ShouldBeProblem(413, "body_too_large");

        var streamed = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service-records") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        await (await clerk.SendAsync(request)).ShouldBeProblem(413, "body_too_large");
    }

    [Fact]
    public async Task demo_users_exist_in_development_with_their_roles()
    {
        NextWindow(600);
        foreach (var demo in DemoUsers.All)
        {
            var response = await SignIn(demo.Username, DemoUsers.DefaultPassword);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, demo.Username);
            var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(IntegrationContext.Json))!;
            var payload = System.Text.Encoding.UTF8.GetString(
                Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.AccessToken.Split('.')[1]));
            foreach (var role in demo.Roles) payload.ShouldContain(role.ToString().ToLowerInvariant());
        }
    }
}
