using NodaTime.Testing;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>One application host shared by every API test (building it compiles Wolverine's handlers).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public AppFactory Factory { get; } = new(TestDatabase.NewSchema(), new FakeClock(AppFactory.DefaultNow));

    public Task InitializeAsync()
    {
        _ = Factory.Server; // starts the host
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await AppFactory.DropSchema(Factory.Schema);
    }
}

[CollectionDefinition("api")]
public sealed class ApiCollection : ICollectionFixture<AppFixture>;
