using QunTuan.Benchmarks;

// Benchmarks print figures; they are never part of ./test.sh. Each takes the PostgreSQL connection string from
// ConnectionStrings__Marten (the same default as ./run.sh, database quntuan).
var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Marten") is { Length: > 0 } cs
    ? cs
    : "Host=127.0.0.1;Port=5432;Database=quntuan;Username=quntuan;Password=quntuan";
switch (args.FirstOrDefault())
{
    case "lanhua":
        await LanhuaYearBenchmark.Run(connection);
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/QunTuan.Benchmarks -- lanhua");
        return 2;
}
return 0;
