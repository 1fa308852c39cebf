using System.Diagnostics;
using System.Text;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// The audit operations from the command line of the real API host (<c>dotnet QunTuan.Api.dll audit …</c>, as
/// <c>dotnet run --project src/Api -- audit …</c> runs it), in a process of its own on the test's schema: the exit
/// code says whether all is well, and the output names what is not.
/// </summary>
public sealed class when_the_audit_command_runs(AppFixture fixture) : AuditScenarios(fixture)
{
    // It edits the event table with SQL on purpose.
    protected override bool LedgerMustStaySound => false;

    private async Task<(int ExitCode, string Output)> Audit(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("audit");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        start.Environment["Marten__Schema"] = App.Schema;
        start.Environment["Seeding__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task invariants_replay_heads_and_trail_succeed_and_verify_names_an_edited_event()
    {
        await RichHistory();
        var folder = Directory.CreateTempSubdirectory("quntuan-audit-").FullName;
        try
        {
            var invariants = await Audit("invariants", "--sample", "5");
            invariants.ExitCode.ShouldBe(0, invariants.Output);
            foreach (var id in new[] { "I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8" })
                invariants.Output.ShouldContain($"{id} holds");

            var replay = await Audit("replay");
            replay.ExitCode.ShouldBe(0, replay.Output);
            replay.Output.ShouldContain($"Completed, {await EventCount()} events");
            replay.Output.ShouldContain(" 0 differences");

            var heads = Path.Combine(folder, "heads.json");
            (await Audit("heads", "--out", heads)).ExitCode.ShouldBe(0);
            (await File.ReadAllTextAsync(heads)).ShouldContain("\"hash\"");

            var trail = Path.Combine(folder, "lanhua.csv");
            var written = await Audit("trail", "--community", "lanhua", "--type", "points_credited", "--out", trail);
            written.ExitCode.ShouldBe(0, written.Output);
            var csv = await File.ReadAllBytesAsync(trail);
            csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
            var lines = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Skip(1).ShouldAllBe(l => l.Contains("points_credited"));
            written.Output.ShouldContain($"{lines.Length - 1} events");

            (await Audit("verify", "--heads", heads)).ExitCode.ShouldBe(0);
            var credit = await EventOf(Seeded.ZhangXiaomei, "points_credited");
            await Sql($"update {Events} set data = jsonb_set(data, '{{points}}', '2000') where id = @a", credit);

            var verify = await Audit("verify", "--heads", heads);
            verify.ExitCode.ShouldNotBe(0);
            verify.Output.ShouldContain($"NOT verified: first problem");
            verify.Output.ShouldContain(credit.ToString());
            (await Audit("invariants", "--sample", "5")).ExitCode.ShouldNotBe(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
