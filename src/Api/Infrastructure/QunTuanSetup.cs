using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using NodaTime;
using QunTuan.Api.Access;
using QunTuan.Api.Audit;
using QunTuan.Api.Health;
using QunTuan.Api.Identity;
using QunTuan.Api.Limits;
using QunTuan.Api.Privacy;
using QunTuan.Api.Idempotency;
using QunTuan.Api.Seeding;
using QunTuan.Api.Simulation;
using QunTuan.Ledger;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Redemptions;
using QunTuan.Projections;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

namespace QunTuan.Api.Infrastructure;

/// <summary>The composition root, kept out of Program.cs so it reads as a list of what the app is made of.</summary>
public static class QunTuanSetup
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=quntuan;Username=quntuan;Password=quntuan";

    public static WebApplicationBuilder AddQunTuan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        if (config["Scenario:Name"] is "lanhua")
        {
            var scenarioClock = new ScenarioClock(LanhuaYearRunner.NewYear);
            services.AddSingleton(scenarioClock);
            services.AddSingleton<IClock>(scenarioClock);
            if (config.GetValue("Scenario:AutoRun", true)) services.AddHostedService<LanhuaYearRunner>();
        }
        else services.AddSingleton<IClock>(SystemClock.Instance);
        builder.AddQunTuanIdentity();
        services.AddSingleton(PersonalDataProtector.FromConfiguration(config, builder.Environment));
        services.AddQunTuanRateLimits(config);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize =
            config.GetValue<int?>($"{RateLimitOptions.Section}:{nameof(RateLimitOptions.MaxRequestBodyBytes)}") ?? 64 * 1024);
        services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o => JsonSetup.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemEnricher.Enrich);
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi(o => o.AddSchemaTransformer<NodaTimeSchemas>());
        services.AddSingleton<IdempotencyRetention>();
        services.AddHostedService(s => s.GetRequiredService<IdempotencyRetention>());
        services.AddSingleton<ReplayRunner>();
        services.AddSingleton<ProjectionLagMonitor>();
        services.AddHostedService(s => s.GetRequiredService<ProjectionLagMonitor>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ProjectionLagHealthCheck>("projections");
        if (config.GetValue<bool>("Seeding:Enabled")) services.InitializeMartenWith<SeedData>();
        // After the seeds: demo volunteers' accounts link to seeded volunteers. Never in Production.
        if (builder.Environment.IsDevelopment()) services.InitializeMartenWith<DemoUsers>();

        services.AddMarten(provider =>
            {
                var opts = new StoreOptions();
                opts.Connection(config.GetConnectionString("Marten") ?? DefaultConnectionString);
                opts.DatabaseSchemaName = config["Marten:Schema"] ?? "quntuan";
                opts.AddLedger().AddLedgerProjections();
                opts.Events.TimeProvider = new ClockTimeProvider(provider.GetRequiredService<IClock>());
                opts.Schema.For<IdempotencyRecord>();
                opts.Schema.For<UserAccount>().UniqueIndex(u => u.Username).Index(u => u.VolunteerId);
                opts.Schema.For<SecurityEvent>().Index(e => e.At);
                opts.Schema.For<ReplayReport>();
                return opts;
            })
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(opts =>
        {
            opts.UseRuntimeCompilation();
            // The endpoints live here whichever program hosts them (the API, a benchmark, a test).
            opts.ApplicationAssembly = typeof(QunTuanSetup).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.Discovery.IncludeAssembly(typeof(LedgerMartenSetup).Assembly);
            opts.OnException<ConcurrencyException>().RetryTimes(3);
            opts.AddLedgerDeadlines();
            // Scheduled deadlines are polled from PostgreSQL; tests poll more often than the 5 second default.
            if (config.GetValue<TimeSpan?>("Wolverine:ScheduledJobPollingTime") is { } polling)
            {
                opts.Durability.ScheduledJobPollingTime = polling;
                opts.Durability.ScheduledJobFirstExecution = polling;
            }
        });
        services.AddWolverineHttp();
        return builder;
    }

    public static WebApplication UseQunTuan(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<UrlCharacterGuard>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSignInAccountCapture();
        app.UseRateLimiter();
        app.UseMiddleware<AccessMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("QunTuan 爱心银行 API"));
        app.MapHealth();
        app.MapWolverineEndpoints(opts =>
        {
            opts.RejectUnparseableQueryValues = true;
            // Groups the API reference by feature folder (Activities, ServiceRecords, ...).
            opts.ConfigureEndpoints(chain => chain.Metadata.WithTags(chain.EndpointType.Namespace!.Split('.')[^1]));
            opts.AddPolicy<RequestBodyPolicy>();
            opts.AddMiddleware(typeof(RequestSessionMiddleware),
                chain => chain.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"));
        });
        return app;
    }
}
