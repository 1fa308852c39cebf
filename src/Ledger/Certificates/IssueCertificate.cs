using Marten;
using NodaTime;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Certificates;

/// <summary>An auditor certifies a volunteer's service between two dates (inclusive).</summary>
public sealed record IssueCertificate(Guid CertificateId, Guid VolunteerId, LocalDate From, LocalDate To, string Actor);

public static class IssueCertificateDecider
{
    /// <summary>
    /// Totals the account's events for the period and fixes them, with the chain link of the account's last event
    /// (<paramref name="anchor"/>, at <paramref name="accountVersion"/>), into the certificate.
    /// </summary>
    /// <summary>No love bank kept records before this; an earlier date is a typo, not a period.</summary>
    public static readonly LocalDate EarliestFrom = new(2000, 1, 1);

    public static CertificateIssued Decide(IssueCertificate command, Guid communityId, IReadOnlyList<object> accountEvents,
        long accountVersion, ChainAnchor anchor, Instant now)
    {
        if (command.From < EarliestFrom)
            throw LedgerRuleViolation.Invalid("period_too_early",
                $"证明期间不能早于 {EarliestFrom:uuuu-MM-dd} / the period cannot start before {EarliestFrom:uuuu-MM-dd}", "from");
        if (command.To < command.From)
            throw LedgerRuleViolation.Invalid("period_reversed",
                "证明期间的结束日期不能早于开始日期 / the period cannot end before it starts", "to");
        if (command.To > ShanghaiCalendar.Today(now))
            throw LedgerRuleViolation.Invalid("period_in_future",
                "只能证明已经过去的服务 / a certificate can only cover days that have passed", "to");

        var totals = ServiceTotals.From(accountEvents, command.From, command.To);
        var issued = new CertificateIssued(command.CertificateId, command.VolunteerId, communityId, command.From,
            command.To, totals.Lines, totals.AdjustmentPoints, totals.TotalMinutes, totals.TotalPoints, accountVersion,
            anchor.Chain, anchor.Position, anchor.Hash, Digest: "", now, command.Actor);
        return issued with { Digest = CertificateDigest.Of(issued) };
    }
}

public static class IssueCertificateHandler
{
    public static async Task<CertificateIssued> Handle(IssueCertificate command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        // No lock: the certificate covers the account as far as it had been written when it was read.
        var events = await session.Events.FetchStreamAsync(command.VolunteerId, token: ct);
        if (events.Count == 0 || events[0].Data is not VolunteerRegistered registered)
            throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId);
        var last = events[^1];
        var anchor = await ChainLinks.OfEventAsync(session, last.Sequence, ct)
                     ?? throw new InvalidOperationException($"Event {last.Id} of account {command.VolunteerId} is not linked.");

        var issued = IssueCertificateDecider.Decide(command, registered.CommunityId, events.Select(e => e.Data).ToList(),
            last.Version, anchor, clock.GetCurrentInstant());
        session.Events.StartStream<Certificate>(command.CertificateId, issued);
        return issued;
    }
}
