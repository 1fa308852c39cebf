using QunTuan.Benchmarks;

// Benchmarks print figures; they are never part of ./test.sh. They take the PostgreSQL connection string from
// ConnectionStrings__Marten.
//   dotnet run -c Release --project bench/QunTuan.Benchmarks -- lanhua            the Lanhua year, generated and projected
//   dotnet run -c Release --project bench/QunTuan.Benchmarks -- audit [--days N]  replay, hash chain and verification
var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Marten") is { Length: > 0 } cs
    ? cs
    : "Host=127.0.0.1;Port=5432;Database=quntuan;Username=quntuan;Password=quntuan";
switch (args.FirstOrDefault())
{
    case "lanhua":
        await LanhuaYearBenchmark.Run(connection);
        break;
    case "audit":
        await AuditBenchmark.Run(args.Skip(1).ToArray());
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/QunTuan.Benchmarks -- lanhua|audit [--days N]");
        return 2;
}
return 0;
