namespace QunTuan.Ledger.Communities;

/// <summary>Decision state of a community: its code and how it runs redemption and expiry.</summary>
public sealed record Community(Guid Id, string Code, PointsPolicy? Policy = null, int PolicyRevision = 0)
{
    /// <summary>The policy in force: the default until office staff set one.</summary>
    public PointsPolicy Points => Policy ?? PointsPolicy.Default;

    public static Community Create(CommunityRegistered e) => new(e.CommunityId, e.Code);

    public Community Apply(PointsPolicySet e) =>
        this with
        {
            Policy = new PointsPolicy(e.DecisionWindow, e.CollectionWindow, e.ExpireAfterYears),
            PolicyRevision = e.Revision
        };
}
