using System.Text;
using System.Text.Json;
using JasperFx;
using JasperFx.CommandLine;
using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Audit;
using QunTuan.Projections.Audit;

namespace QunTuan.Api.Audit;

public enum AuditAction
{
    Replay,
    Verify,
    Heads,
    Invariants,
    Trail
}

public sealed class AuditInput : NetCoreInput
{
    [Description("replay | verify | heads | invariants | trail")]
    public string Action { get; set; } = "";

    [Description("trail: the stream to list (a volunteer's account, a service record, a shift, an elder...)")]
    public string? StreamFlag { get; set; }

    [Description("trail: the community (code or id) whose events to list")]
    public string? CommunityFlag { get; set; }

    [Description("trail: from this instant or Shanghai date")]
    public string? FromFlag { get; set; }

    [Description("trail: until this instant (exclusive) or Shanghai date (inclusive)")]
    public string? ToFlag { get; set; }

    [Description("trail: only these event types, comma-separated (points_credited,points_adjusted)")]
    public string? TypeFlag { get; set; }

    [Description("heads, trail, invariants: write to this file instead of the console (trail: CSV, UTF-8 with BOM)")]
    public string? OutFlag { get; set; }

    [Description("verify: a heads file exported earlier (audit heads --out heads.json) the chains must still reproduce")]
    public string? HeadsFlag { get; set; }

    [Description("invariants: documents of each single-stream type folded again for I6 (default 200)")]
    public int SampleFlag { get; set; } = 200;
}

[Description("Audit the ledger: replay and compare every projection, verify the hash chains, export chain heads, " +
             "check invariants I1-I8, export trails", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public AuditCommand()
    {
        Usage("Run one audit operation").Arguments(x => x.Action);
    }

    public override async Task<bool> Execute(AuditInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var store = services.GetRequiredService<IDocumentStore>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var ct = CancellationToken.None;
        void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

        if (!Enum.TryParse<AuditAction>(input.Action, ignoreCase: true, out var action))
        {
            Console.WriteLine($"unknown audit operation '{input.Action}': use replay, verify, heads, invariants or trail");
            return false;
        }
        switch (action)
        {
            case AuditAction.Replay:
            {
                var runner = services.GetRequiredService<ReplayRunner>();
                var report = await runner.StartAsync($"cli:{Environment.UserName}", Say);
                await runner.WhenIdle();
                await using var session = store.QuerySession();
                var done = (await session.LoadAsync<ReplayReport>(report.Id, ct))!;
                foreach (var d in done.Documents ?? [])
                    Say($"{d.DocumentType,-28} live {d.LiveCount,7}  replay {d.ReplayCount,7}  {d.ReplayHash[..16]}  " +
                        $"{(d.Differences == 0 ? "same" : d.Differences + " differences")}");
                foreach (var d in done.Differences ?? []) Say($"difference: {d.DocumentType} {d.Id} {d.Kind}");
                Say($"report {done.Id}: {done.Status}, {done.EventCount} events, {done.DurationMilliseconds} ms, " +
                    $"{done.DifferenceCount} differences, hash {done.ReplayHash}");
                return done.Status == ReplayStatus.Completed && done.DifferenceCount == 0;
            }
            case AuditAction.Verify:
            {
                IReadOnlyCollection<ChainHead>? published = null;
                if (input.HeadsFlag is { } file)
                {
                    var export = JsonSerializer.Deserialize<ChainHeadsExport>(await File.ReadAllTextAsync(file, ct), Json)!;
                    published = export.Heads.Select(h => new ChainHead(h.Chain, h.Position, h.Hash, h.EventId, h.Sequence))
                        .ToList();
                    Say($"checking against {published.Count} heads published {export.ExportedAt}");
                }
                var result = await ChainVerifier.VerifyAsync(store, now, published, Say, ct);
                foreach (var chain in result.Chains)
                    Say($"chain {chain.Chain}: {chain.Length} links, {(chain.Intact ? "intact" : "BROKEN at " + Describe(chain.FirstProblem!))}");
                foreach (var inserted in result.Inserted) Say($"not linked: {Describe(inserted)}");
                foreach (var mismatch in result.PublishedHeadMismatches)
                    Say($"published head not reproduced: chain {mismatch.Chain} position {mismatch.Position}");
                Say(result.Intact ? "verified: every event is linked and unchanged" : $"NOT verified: first problem {Describe(result.FirstProblem)}");
                return result.Intact;
            }
            case AuditAction.Heads:
            {
                await using var session = store.QuerySession();
                var export = await GetChainHeadsEndpoint.Get(store, session, services.GetRequiredService<IClock>(), ct);
                await Write(input.OutFlag, JsonSerializer.Serialize(export, Json));
                return true;
            }
            case AuditAction.Invariants:
            {
                var report = await InvariantCheck.RunAsync(store, now, input.SampleFlag, Say, ct);
                if (input.OutFlag is not null) await Write(input.OutFlag, JsonSerializer.Serialize(report, Json));
                Say(report.AllHold ? $"all invariants hold ({report.DurationMilliseconds} ms)" : "SOME INVARIANTS ARE BROKEN");
                return report.AllHold;
            }
            case AuditAction.Trail:
            {
                var (from, to) = AuditQuery.Period(input.FromFlag, input.ToFlag);
                var types = AuditQuery.Types(input.TypeFlag, store);
                TrailQuery query;
                if (input.StreamFlag is { } stream && Guid.TryParse(stream, out var streamId))
                    query = new TrailQuery(StreamId: streamId, From: from, To: to, Types: types);
                else if (input.CommunityFlag is { } community)
                    query = new TrailQuery(Chain: AuditChain.For(CommunityRef.Resolve(community)), From: from, To: to,
                        Types: types);
                else
                {
                    Say("trail needs --stream <id> or --community <code or id>");
                    return false;
                }
                var events = EventTrail.AllAsync(store, query, ct);
                long count;
                if (input.OutFlag is { } path)
                {
                    await using var file = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    count = await AuditCsv.WriteAsync(file, events);
                }
                else
                {
                    count = await AuditCsv.WriteAsync(Console.Out, events);
                }
                Say($"{count} events");
                return true;
            }
            default:
                return false;
        }
    }

    private static string Describe(ChainProblem? p) => p is null
        ? "none"
        : $"{p.Kind} event {p.EventId} (stream {p.StreamId} version {p.Version}, sequence {p.Sequence}, {p.EventType})";

    private static async Task Write(string? path, string text)
    {
        if (path is null) Console.WriteLine(text);
        else await File.WriteAllTextAsync(path, text);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        JsonSetup.Configure(options);
        return options;
    }
}
