using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QunTuan.Api.Health;

/// <summary>Healthy only when PostgreSQL answers a query through Marten.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", ct);
            return one.SingleOrDefault() == 1
                ? HealthCheckResult.Healthy("PostgreSQL reachable")
                : HealthCheckResult.Unhealthy("PostgreSQL gave an unexpected answer");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", e);
        }
    }
}
