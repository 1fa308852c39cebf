namespace QunTuan.Ledger.Shared;

/// <summary>How the HTTP edge reports a broken rule: the resource is missing, the request conflicts with
/// current state (409), or the request is well-formed but asks for something the rules forbid (422).</summary>
public enum ViolationKind
{
    NotFound,
    Conflict,
    Unprocessable
}

/// <summary>
/// A business rule refused a command. <see cref="Code"/> is stable and machine-readable
/// (e.g. <c>insufficient_balance</c>); <see cref="Field"/> names the request field at fault, when there is one.
/// Messages are Chinese first, then English, because clerks and volunteers read them.
/// </summary>
public sealed class LedgerRuleViolation(ViolationKind kind, string code, string message, string? field = null)
    : Exception(message)
{
    public ViolationKind Kind { get; } = kind;
    public string Code { get; } = code;
    public string? Field { get; } = field;

    public static LedgerRuleViolation NotFound(string what, object id, string? field = null) =>
        new(ViolationKind.NotFound, $"{what}_not_found", $"未找到 {what} {id} / {what} {id} was not found", field);

    public static LedgerRuleViolation Conflict(string code, string message, string? field = null) =>
        new(ViolationKind.Conflict, code, message, field);

    public static LedgerRuleViolation Invalid(string code, string message, string? field = null) =>
        new(ViolationKind.Unprocessable, code, message, field);
}
