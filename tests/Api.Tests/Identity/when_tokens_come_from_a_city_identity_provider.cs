using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using NodaTime.Testing;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Identity;

/// <summary>
/// With <c>Auth:Authority</c> set, the API trusts a city identity provider's tokens instead of its own: its subject,
/// its role claim and its community codes become this API's user, roles and scope, and local sign-in is off. The
/// provider's discovery document is the one thing not fetched over the network: its signing key is handed to the
/// JWT handler directly, which then validates signature, issuer, audience and lifetime as it would in production.
/// </summary>
public sealed class when_tokens_come_from_a_city_identity_provider : IAsyncLifetime
{
    private const string Issuer = "https://id.lanxi.example/realms/city";
    private static readonly RsaSecurityKey CityKey = new(RSA.Create(2048)) { KeyId = "city-2026" };

    private readonly AppFactory _app = new(TestDatabase.NewSchema(), new FakeClock(AppFactory.DefaultNow))
    {
        ExtraServices = services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var discovery = new OpenIdConnectConfiguration { Issuer = Issuer };
            discovery.SigningKeys.Add(CityKey);
            jwt.Configuration = discovery;
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery);
        })
    };

    public Task InitializeAsync()
    {
        _app.Settings["Auth:Authority"] = Issuer;
        _app.Settings["Auth:RoleClaim"] = "roles";
        _app.Settings["Auth:CommunityClaim"] = "org";
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await AppFactory.DropSchema(_app.Schema);
    }

    private static string CityToken(string subject = "330781-clerk-0042", object? roles = null, string org = "lanhua",
        SecurityKey? key = null, string issuer = Issuer, string audience = "quntuan-api") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject, ["preferred_username"] = "wang.clerk", ["roles"] = roles ?? new[] { "office", "clerk" },
                ["org"] = org
            },
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? CityKey, SecurityAlgorithms.RsaSha256)
        });

    private HttpClient ClientWith(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task an_office_clerk_of_the_city_verifies_a_record_and_the_events_name_them()
    {
        using var clerk = ClientWith(CityToken());

        var submitted = await clerk.PostAsJsonAsync("/api/service-records",
            new { volunteerId = Seeded.ZhangXiaomei, activityCode = "CB02", serviceDate = "2026-11-22" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var recordId = (await submitted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("recordId").GetGuid();
        (await clerk.PostAsync($"/api/service-records/{recordId}/verify", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select distinct user_name from \"{_app.Schema}\".mt_events where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", recordId);
        (await command.ExecuteScalarAsync()).ShouldBe("wang.clerk");
        // Scope comes from the community code: another community's queue does not exist for this clerk.
        (await clerk.GetAsync("/api/communities/meihua/service-records")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task tokens_not_from_the_city_or_without_a_known_role_get_nowhere()
    {
        var url = $"/api/volunteers/{Seeded.ZhangXiaomei}/balance";
        using (var forged = ClientWith(CityToken(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "city-2026" })))
            (await forged.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var elsewhere = ClientWith(CityToken(issuer: "https://id.other.example")))
            (await elsewhere.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var otherAudience = ClientWith(CityToken(audience: "some-other-app")))
            (await otherAudience.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // "clerk" means nothing here: a token with no role this API knows is signed in but may do nothing.
        using (var noRole = ClientWith(CityToken(roles: new[] { "clerk" })))
            (await noRole.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Our own token issuer is off: nobody signs in with a password here.
        using var anonymous = _app.CreateClient();
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "office.lanhua", password = "x" });
        ((int)signIn.StatusCode).ShouldBeInRange(400, 499);
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("external_sign_in");
    }
}
