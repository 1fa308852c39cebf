using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.Identity;

public sealed class when_a_volunteer_signs_in(AppFixture fixture) : Scenarios(fixture)
{
    private async Task<VolunteerEnrolled> Enrol(string username = "chen.jing")
    {
        var response = await Post("/api/communities/lanhua/volunteers",
            new RegisterVolunteerRequest("陈静", "第2网格", Username: username));
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<VolunteerEnrolled>(response);
    }

    private Task<HttpResponseMessage> Activate(string username, string code, string password = "lanhua-river-2026") =>
        Send(HttpMethod.Post, "/api/auth/activate",
            System.Text.Json.JsonSerializer.Serialize(new ActivateAccountRequest(username, code, password), Json));

    private async Task<HttpResponseMessage> SignIn(string username, string password = "lanhua-river-2026")
    {
        using var anonymous = App.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, password), Json);
    }

    [Fact]
    public async Task the_office_gets_a_one_time_code_and_the_volunteer_sets_a_password_with_it()
    {
        var enrolled = await Enrol();
        enrolled.Activation.Username.ShouldBe("chen.jing");
        enrolled.Activation.Code.Length.ShouldBe(10);
        enrolled.Activation.ExpiresAt.ShouldBe(App.Clock.GetCurrentInstant().Plus(Duration.FromDays(7)));

        (await Activate("chen.jing", enrolled.Activation.Code)).ShouldBe(HttpStatusCode.OK);
        var signedIn = await SignIn("chen.jing");

        signedIn.ShouldBe(HttpStatusCode.OK);
        var token = await Read<TokenResponse>(signedIn);
        token.TokenType.ShouldBe("Bearer");
        token.ExpiresIn.ShouldBe(900);
        token.ExpiresAt.ShouldBe(App.Clock.GetCurrentInstant().Plus(Duration.FromMinutes(15)));

        using var own = App.CreateClient();
        own.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        (await own.GetAsync($"/api/volunteers/{enrolled.Volunteer.VolunteerId}/balance")).ShouldBe(HttpStatusCode.OK);
        // Another volunteer's account does not exist as far as this one can tell.
        await (await own.GetAsync($"/api/volunteers/{Seeded.ZhangXiaomei}/balance"))
            .ShouldBeProblem(404, "volunteer_not_found");
    }

    [Fact]
    public async Task an_activation_code_works_once()
    {
        var enrolled = await Enrol();
        (await Activate("chen.jing", enrolled.Activation.Code)).ShouldBe(HttpStatusCode.OK);

        await (await Activate("chen.jing", enrolled.Activation.Code, "another-password-1"))
            .ShouldBeProblem(422, "invalid_activation_code", "code");
        (await SignIn("chen.jing", "another-password-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_activation_code_expires()
    {
        var enrolled = await Enrol();
        App.Clock.Advance(Duration.FromDays(7) + Duration.FromSeconds(1));

        await (await Activate("chen.jing", enrolled.Activation.Code)).ShouldBeProblem(422, "invalid_activation_code", "code");
    }

    [Fact]
    public async Task a_wrong_code_or_a_weak_password_is_refused()
    {
        var enrolled = await Enrol();

        await (await Activate("chen.jing", "AAAAAAAAAA")).ShouldBeProblem(422, "invalid_activation_code", "code");
        await (await Activate("chen.jing", enrolled.Activation.Code, "12345678")).ShouldBeProblem(422, "weak_password", "password");
        await (await Activate("chen.jing", enrolled.Activation.Code, "short")).ShouldBeProblem(422, "weak_password", "password");
    }

    [Fact]
    public async Task a_wrong_password_gets_the_same_401_as_an_unknown_user_and_is_logged()
    {
        var enrolled = await Enrol();
        (await Activate("chen.jing", enrolled.Activation.Code)).ShouldBe(HttpStatusCode.OK);

        var wrong = await (await SignIn("chen.jing", "not-the-password")).ShouldBeProblem(401, "invalid_credentials");
        var unknown = await (await SignIn("nobody.here", "not-the-password")).ShouldBeProblem(401, "invalid_credentials");

        wrong["detail"]!.GetValue<string>().ShouldBe(unknown["detail"]!.GetValue<string>());
        await using var session = Store.QuerySession();
        (await session.Query<SecurityEvent>().CountAsync(e => e.Action == SecurityLog.SignInRefused)).ShouldBe(2);
    }

    [Fact]
    public async Task passwords_and_codes_are_stored_only_as_hashes()
    {
        var enrolled = await Enrol();
        (await Activate("chen.jing", enrolled.Activation.Code)).ShouldBe(HttpStatusCode.OK);

        await using var session = Store.QuerySession();
        var json = await session.Query<UserAccount>().Where(u => u.Username == "chen.jing").ToJsonArray();
        json.ShouldNotContain("lanhua-river-2026");
        json.ShouldNotContain(enrolled.Activation.Code);
        (await session.LoadAsync<VolunteerProfile>(enrolled.Volunteer.VolunteerId)).ShouldNotBeNull();
    }
}
