using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Chest;

/// <summary>A volunteer gives points from their own account to their community's chest (爱心池). A retried
/// request is made safe by the Idempotency-Key header, as for adjustments.</summary>
public sealed record DonatePoints(Guid VolunteerId, Guid DonationId, int Points, string? Note, string Actor);

/// <summary>Both halves of a donation, appended in one transaction: every point is conserved.</summary>
public sealed record Donation(PointsDonated Donated, ChestDonationReceived Received);

public static class DonatePointsDecider
{
    public const int MaxDonation = 10_000;

    public static Donation Decide(DonatePoints command, VolunteerAccount account, CommunityChest chest, Instant now)
    {
        if (command.Points is < 1 or > MaxDonation)
            throw LedgerRuleViolation.Invalid("donation_out_of_range",
                $"捐赠积分须在 1 到 {MaxDonation} 之间 / points must be between 1 and {MaxDonation}", "points");
        var note = PersonalDataGuard.Text(command.Note, "note", 200);
        if (account.Erased)
            throw LedgerRuleViolation.Conflict("volunteer_erased",
                "该志愿者已注销个人信息 / this volunteer's data was erased", "volunteerId");
        if (chest.CommunityId != account.CommunityId)
            throw new InvalidOperationException("a volunteer donates to their own community's chest");
        if (account.Available < command.Points)
            throw LedgerRuleViolation.Conflict("insufficient_balance",
                $"可用积分 {account.Available}，不足以捐赠 {command.Points} / available balance {account.Available} cannot cover a donation of {command.Points}",
                "points");
        return new Donation(
            new PointsDonated(account.Id, command.DonationId, chest.Id, command.Points, note,
                account.Available - command.Points, now, command.Actor),
            new ChestDonationReceived(chest.Id, command.DonationId, account.Id, command.Points,
                chest.Available + command.Points, now, command.Actor));
    }
}

public static class DonatePointsHandler
{
    public static async Task<Donation> Handle(DonatePoints command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        // Lock order: the account, then the chest.
        var accountStream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(command.VolunteerId, ct);
        var account = accountStream.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId);
        var (chestStream, chest) = await ChestBook.Lock(session, account.CommunityId, now, command.Actor, ct);
        var donation = DonatePointsDecider.Decide(command, account, chest, now);
        accountStream.AppendOne(donation.Donated);
        chestStream.AppendOne(donation.Received);
        return donation;
    }
}
