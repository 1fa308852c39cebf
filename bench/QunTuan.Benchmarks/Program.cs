using QunTuan.Benchmarks;

// Benchmarks print figures; they are never part of ./test.sh. They take the PostgreSQL connection string from
// ConnectionStrings__Marten.
//   dotnet run -c Release --project bench/QunTuan.Benchmarks -- lanhua   the Lanhua year, generated and projected
//   dotnet run -c Release --project bench/QunTuan.Benchmarks -- audit    replay and chain verification over the
//       Lanhua year against a plain read of its events; the hash chain's write cost over a stand-in workload
//       (--writes N credits per write measurement, --keep to keep the throw-away schemas)
var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Marten") is { Length: > 0 } cs
    ? cs
    : "Host=127.0.0.1;Port=5432;Database=quntuan;Username=quntuan;Password=quntuan";
switch (args.FirstOrDefault())
{
    case "lanhua":
        await LanhuaYearBenchmark.Run(connection);
        break;
    case "audit":
        await AuditBenchmark.Run(connection, args.Skip(1).ToArray());
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/QunTuan.Benchmarks -- lanhua|audit [--writes N] [--keep]");
        return 2;
}
return 0;
