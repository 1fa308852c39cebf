namespace QunTuan.Api.Tests.Infrastructure;

public static class TestDatabase
{
    /// <summary>test.sh exports it after starting PostgreSQL; the default matches its private cluster.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=5432;Database=quntuan_test;Username=quntuan;Password=quntuan";

    public static string NewSchema() => "qt_" + Guid.NewGuid().ToString("N")[..16];
}
