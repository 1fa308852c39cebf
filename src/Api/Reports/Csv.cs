using System.Globalization;
using System.Text;

namespace QunTuan.Api.Reports;

/// <summary>
/// CSV for spreadsheets: UTF-8 with a byte-order mark (Excel then opens Chinese correctly), CRLF lines, every
/// field quoted when it needs to be. A leading = + - @ is neutralised so a cell is never run as a formula.
/// </summary>
public static class Csv
{
    public static IResult File(string fileName, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", fileName);
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? ""
        };
        if (text.Length > 0 && "=+-@".Contains(text[0]) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
