namespace QunTuan.Ledger.Communities;

/// <summary>Decision state of a community.</summary>
public sealed record Community(Guid Id, string Code)
{
    public static Community Create(CommunityRegistered e) => new(e.CommunityId, e.Code);
}
