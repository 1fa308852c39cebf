using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Identity;

public sealed class when_a_token_is_not_genuine(AppFixture fixture) : Scenarios(fixture)
{
    private static string Url => $"/api/volunteers/{Seeded.ZhangXiaomei}/balance";

    private async Task<HttpResponseMessage> GetWith(string token)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(Url);
    }

    private string Forge(string? key = null, string issuer = "quntuan", string audience = "quntuan-api",
        string role = "office", Instant? expires = null)
    {
        var now = App.Clock.GetCurrentInstant();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([
                new Claim(QtClaims.Subject, Guid.NewGuid().ToString()), new Claim(QtClaims.Username, "mallory"),
                new Claim(QtClaims.Role, role), new Claim(QtClaims.Community, Seeded.Lanhua.ToString())
            ]),
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc(),
            Expires = (expires ?? now.Plus(Duration.FromMinutes(15))).ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(key ?? AppFactory.SigningKey)), SecurityAlgorithms.HmacSha256)
        });
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task a_genuine_token_passes()
    {
        (await GetWith(Forge())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task no_token_is_401()
    {
        using var anonymous = App.CreateClient();
        var response = await anonymous.GetAsync(Url);

        await response.ShouldBeProblem(401, "unauthenticated");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Fact]
    public async Task an_expired_token_is_401_after_the_30_second_skew()
    {
        var token = App.TokenFor(TestUsers.Office());

        App.Clock.Advance(Duration.FromMinutes(15) + Duration.FromSeconds(20));
        (await GetWith(token)).ShouldBe(HttpStatusCode.OK);

        App.Clock.Advance(Duration.FromSeconds(15));
        await (await GetWith(token)).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_401()
    {
        var other = Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-server-key-but-32-bytes!"));

        await (await GetWith(Forge(key: other))).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task a_token_for_another_audience_or_issuer_is_401()
    {
        await (await GetWith(Forge(audience: "some-other-api"))).ShouldBeProblem(401, "unauthenticated");
        await (await GetWith(Forge(issuer: "someone-else"))).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task an_unsigned_alg_none_token_is_401()
    {
        var genuine = Forge().Split('.');
        var unsigned = $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{genuine[1]}.";

        await (await GetWith(unsigned)).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task a_tampered_role_claim_breaks_the_signature()
    {
        var volunteer = App.TokenFor(TestUsers.Volunteer(Seeded.LiJianguo)).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(volunteer[1]));
        payload.ShouldContain("\"role\":\"volunteer\"");
        var promoted = Base64Url(payload.Replace("\"role\":\"volunteer\"", "\"role\":\"admin\""));

        await (await GetWith($"{volunteer[0]}.{promoted}.{volunteer[2]}")).ShouldBeProblem(401, "unauthenticated");
    }
}
