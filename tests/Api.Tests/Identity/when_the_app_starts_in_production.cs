using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Identity;

public sealed class when_the_app_starts_in_production
{
    [Fact]
    public async Task it_refuses_to_start_without_a_signing_key()
    {
        await using var factory = new AppFactory(TestDatabase.NewSchema(), new FakeClock(AppFactory.DefaultNow))
        {
            EnvironmentName = "Production"
        };
        factory.Settings["Auth:SigningKey"] = "";
        factory.Settings["Privacy:EncryptionKey"] = Convert.ToBase64String(new byte[32]);

        var failure = Should.Throw<InvalidOperationException>(() => factory.Server);

        failure.Message.ShouldContain("Auth:SigningKey");
    }

    [Fact]
    public async Task it_refuses_to_start_without_an_encryption_key()
    {
        await using var factory = new AppFactory(TestDatabase.NewSchema(), new FakeClock(AppFactory.DefaultNow))
        {
            EnvironmentName = "Production"
        };

        var failure = Should.Throw<InvalidOperationException>(() => factory.Server);

        failure.Message.ShouldContain("Privacy:EncryptionKey");
    }

    [Fact]
    public async Task it_creates_no_demo_accounts()
    {
        var schema = TestDatabase.NewSchema();
        try
        {
            await using var factory = new AppFactory(schema, new FakeClock(AppFactory.DefaultNow))
            {
                EnvironmentName = "Production"
            };
            factory.Settings["Privacy:EncryptionKey"] = Convert.ToBase64String(new byte[32]);
            _ = factory.Server;

            factory.Services.GetServices<Marten.Schema.IInitialData>()
                .ShouldNotContain(d => d is QunTuan.Api.Identity.DemoUsers);
            await using var session = factory.Store.QuerySession();
            (await Marten.QueryableExtensions.CountAsync(session.Query<QunTuan.Api.Identity.UserAccount>())).ShouldBe(0);
        }
        finally
        {
            await AppFactory.DropSchema(schema);
        }
    }
}
