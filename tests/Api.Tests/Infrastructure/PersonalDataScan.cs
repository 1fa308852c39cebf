using System.Text.RegularExpressions;
using Npgsql;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>
/// Events cannot be erased, so no phone or ID-card number may ever reach one (RELIABILITY.md §4). This reads every
/// stored event (data, headers, user name) and returns those that hold something shaped like either.
/// </summary>
public static partial class PersonalDataScan
{
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();

    // Ids and digests are random hex and may hold a digit run that looks like a number; they are not personal data.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,}")]
    private static partial Regex RandomHex();

    public static async Task<(int Scanned, List<string> Offending)> RunAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select data::text || coalesce(headers::text, '') || coalesce(user_name, '') from \"{schema}\".mt_events",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var scanned = 0;
        var offending = new List<string>();
        while (await reader.ReadAsync())
        {
            var text = RandomHex().Replace(reader.GetString(0), "<id>");
            if (Mobile().IsMatch(text) || IdCard().IsMatch(text)) offending.Add(text);
            scanned++;
        }
        return (scanned, offending);
    }
}
