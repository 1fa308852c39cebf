using System.Text.RegularExpressions;
using Marten;
using NodaTime;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Communities;

public sealed record RegisterCommunity(
    string Code,
    string NameZh,
    string NameEn,
    string City,
    string Street,
    int PermanentResidents,
    string Actor);

public static partial class RegisterCommunityDecider
{
    public const int MaxResidents = 10_000_000;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    public static partial Regex CodePattern();

    public static CommunityRegistered Decide(RegisterCommunity command, Community? existing, Instant now)
    {
        var code = command.Code.Trim().ToLowerInvariant();
        if (!CodePattern().IsMatch(code))
            throw LedgerRuleViolation.Invalid("invalid_community_code",
                "社区代码须为 2-40 位小写字母、数字或连字符，以字母开头 / code must be 2-40 lowercase letters, digits or hyphens, starting with a letter",
                "code");
        if (existing is not null)
            throw LedgerRuleViolation.Conflict("community_code_taken",
                $"社区代码 {code} 已被使用 / community code {code} is already registered", "code");
        if (command.PermanentResidents is < 1 or > MaxResidents)
            throw LedgerRuleViolation.Invalid("residents_out_of_range",
                $"常住人口须在 1 到 {MaxResidents} 之间 / permanentResidents must be between 1 and {MaxResidents}",
                "permanentResidents");

        return new CommunityRegistered(DeterministicId.ForCommunity(code), code,
            PersonalDataGuard.Text(command.NameZh, "nameZh", 60, required: true)!,
            PersonalDataGuard.Text(command.NameEn, "nameEn", 120, required: true)!,
            PersonalDataGuard.Text(command.City, "city", 40, required: true)!,
            PersonalDataGuard.Text(command.Street, "street", 40, required: true)!,
            command.PermanentResidents, now, command.Actor);
    }
}

public static class RegisterCommunityHandler
{
    public static async Task<CommunityRegistered> Handle(RegisterCommunity command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var id = DeterministicId.ForCommunity(command.Code);
        var existing = await session.Events.FetchLatest<Community>(id, ct);
        var registered = RegisterCommunityDecider.Decide(command, existing, clock.GetCurrentInstant());
        session.Events.StartStream<Community>(registered.CommunityId, registered);
        // Every community has its chest (爱心池) from the start: an account like any other.
        var chest = ChestBook.Open(registered.CommunityId, registered.RegisteredAt, command.Actor);
        session.Events.StartStream<CommunityChest>(chest.ChestId, chest);
        return registered;
    }
}
