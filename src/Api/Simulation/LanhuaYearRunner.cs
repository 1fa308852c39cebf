using Marten;

namespace QunTuan.Api.Simulation;

/// <summary>
/// <c>./run.sh --scenario lanhua</c>: writes the Lanhua year into the (fresh) store after the seeds, while the
/// API already answers, then releases the clock. A store that already holds the year is left alone.
/// </summary>
public sealed class LanhuaYearRunner(IDocumentStore store, ScenarioClock clock, ILogger<LanhuaYear> logger)
    : BackgroundService
{
    public static readonly NodaTime.Instant NewYear = NodaTime.Instant.FromUtc(LanhuaYear.Year - 1, 12, 31, 16, 0);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            await using (var session = store.QuerySession())
                if (await session.Query<QunTuan.Projections.Volunteers.VolunteerProfile>().CountAsync(ct) >= LanhuaYear.Participants)
                {
                    logger.LogInformation("The Lanhua year is already in this store");
                    return;
                }
            logger.LogInformation("Writing the Lanhua year {Year} through the handlers; this takes a minute or two", LanhuaYear.Year);
            var summary = await new LanhuaYear(store, clock.Set, logger).Run(ct);
            logger.LogInformation("Lanhua year written: {Summary}", summary);
        }
        finally
        {
            clock.Release();
        }
    }
}
