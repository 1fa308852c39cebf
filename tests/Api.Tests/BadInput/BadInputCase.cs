using Xunit.Abstractions;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// One row of a bad-input table: the request and the problem it must get. Only the table's and the row's names cross
/// xunit's serialization (the rest is looked up in the table again), so every row is a test case of its own that the
/// runner lists, and reports, by its name.
/// </summary>
public sealed class BadInputCase : IXunitSerializable
{
    // Every table whose rows are test cases, by the name of the test class that holds it.
    private static readonly Dictionary<string, Func<IReadOnlyList<BadInputCase>>> Tables = new()
    {
        [nameof(when_input_is_bad)] = () => when_input_is_bad.Table,
        [nameof(when_audit_input_is_bad)] = () => when_audit_input_is_bad.Table,
        [nameof(when_elder_input_is_bad)] = () => when_elder_input_is_bad.Table,
        [nameof(when_patrol_input_is_bad)] = () => when_patrol_input_is_bad.Table,
        [nameof(when_redemption_input_is_bad)] = () => when_redemption_input_is_bad.Table,
        [nameof(when_river_input_is_bad)] = () => when_river_input_is_bad.Table
    };

    public BadInputCase(string name, string method, string url, string? body, string? contentType, int status,
        string code, string? field, string? idempotencyKey = null, string? actor = null)
    {
        Name = name;
        Method = method;
        Url = url;
        Body = body;
        ContentType = contentType;
        Status = status;
        Code = code;
        Field = field;
        IdempotencyKey = idempotencyKey;
        Actor = actor;
    }

    /// <summary>A JSON row (the content type is the default).</summary>
    public BadInputCase(string name, string method, string url, string? body, int status, string code, string? field,
        string? actor = null) : this(name, method, url, body, null, status, code, field, null, actor) { }

    /// <summary>For xunit, which deserializes a row from its names.</summary>
    public BadInputCase() : this("", "", "", null, null, 0, "", null) { }

    public string Table { get; private set; } = "";
    public string Name { get; private set; }
    public string Method { get; private set; }
    public string Url { get; private set; }
    public string? Body { get; private set; }
    public string? ContentType { get; private set; }
    public int Status { get; private set; }
    public string Code { get; private set; }
    public string? Field { get; private set; }
    public string? IdempotencyKey { get; private set; }

    /// <summary>Who sends the request, as the table's runner reads it.</summary>
    public string? Actor { get; private set; }

    /// <summary>The rows of <paramref name="table"/> (a key of <see cref="Tables"/>) as xunit member data.</summary>
    public static IEnumerable<object[]> Cases(string table) =>
        Tables[table]().Select(row => new object[] { Copy(row, table) });

    public override string ToString() => Name;

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Table), Table);
        info.AddValue(nameof(Name), Name);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        var table = info.GetValue<string>(nameof(Table));
        var name = info.GetValue<string>(nameof(Name));
        var row = Tables[table]().Single(c => c.Name == name);
        (Table, Name, Method, Url, Body, ContentType, Status, Code, Field, IdempotencyKey, Actor) =
            (table, row.Name, row.Method, row.Url, row.Body, row.ContentType, row.Status, row.Code, row.Field,
                row.IdempotencyKey, row.Actor);
    }

    private static BadInputCase Copy(BadInputCase row, string table) =>
        new(row.Name, row.Method, row.Url, row.Body, row.ContentType, row.Status, row.Code, row.Field,
            row.IdempotencyKey, row.Actor) { Table = table };
}
