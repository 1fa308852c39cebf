using Marten;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Redemptions;

namespace QunTuan.Ledger.Beneficiaries;

/// <summary>Someone registered with a community whom volunteers may redeem for: a 1+3 elder or a household.</summary>
public sealed record Beneficiary(Guid Id, BeneficiaryKind Kind, Guid CommunityId)
{
    /// <summary>The elder or household with this id, or null when there is none.</summary>
    public static async Task<Beneficiary?> Find(IDocumentSession session, Guid id, CancellationToken ct)
    {
        if (await session.Events.FetchLatest<Elder>(id, ct) is { } elder)
            return new Beneficiary(id, BeneficiaryKind.Elder, elder.CommunityId);
        if (await session.Events.FetchLatest<Household>(id, ct) is { } household)
            return new Beneficiary(id, BeneficiaryKind.Household, household.CommunityId);
        return null;
    }
}
