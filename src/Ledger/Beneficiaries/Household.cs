namespace QunTuan.Ledger.Beneficiaries;

/// <summary>Decision state of a household beneficiary: only its community matters to the rules.</summary>
public sealed record Household(Guid Id, Guid CommunityId)
{
    public static Household Create(HouseholdRegistered e) => new(e.HouseholdId, e.CommunityId);
}
