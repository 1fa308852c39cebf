using NodaTime;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Certificates;

public sealed class when_issuing_a_certificate
{
    private static readonly Guid CertificateId = new("0e000000-0000-4000-8000-000000000001");
    private static readonly ChainAnchor Anchor = new(AuditChain.For(Build.Lanhua), 42, new string('a', 64));

    private static PointsCredited Credit(string activity, LocalDate date, int points, int minutes, Guid? record = null) =>
        new(Build.Zhang, record ?? Guid.NewGuid(), Build.Lanhua, activity, activity[..2], date, points, minutes,
            $"{activity}.v1", 1, null, 0, Build.Now, "clerk-li");

    private static readonly Guid Reversed = new("0f000000-0000-4000-8000-000000000001");

    private static readonly object[] History =
    [
        new VolunteerRegistered(Build.Zhang, Build.Lanhua, "第1网格", [], Build.Now, "seed"),
        Credit("CB01", Build.Date(2026, 6, 1), 30, 180),
        Credit("PV01", Build.Date(2026, 6, 2), 5, 20),
        Credit("CB01", Build.Date(2026, 6, 30), 10, 60),
        Credit("CB02", Build.Date(2026, 6, 15), 20, 120, Reversed),
        Credit("CB01", Build.Date(2026, 7, 1), 10, 60),   // after the period
        new ServiceCreditReversed(Build.Zhang, Reversed, "CB02", 20, 120, null, CorrectionReason.Duplicate, "重复",
            0, Build.Now, "clerk-li"),
        new PointsAdjusted(Build.Zhang, Guid.NewGuid(), 7, CorrectionReason.Goodwill, "感谢",
            0, Instant.FromUtc(2026, 6, 20, 2, 0), "clerk-li"),
        new PointsAdjusted(Build.Zhang, Guid.NewGuid(), 3, CorrectionReason.Goodwill, "感谢",
            0, Instant.FromUtc(2026, 6, 30, 17, 0), "clerk-li")  // 1 July in Shanghai: outside
    ];

    private static CertificateIssued Issue(LocalDate from, LocalDate to, Instant? now = null) =>
        IssueCertificateDecider.Decide(new IssueCertificate(CertificateId, Build.Zhang, from, to, "auditor-qian"),
            Build.Lanhua, History, 9, Anchor, now ?? Build.Now);

    [Fact]
    public void services_count_by_service_date_and_reversed_ones_do_not_count()
    {
        var issued = Issue(Build.Date(2026, 6, 1), Build.Date(2026, 6, 30));

        issued.Lines.ShouldBe([new("CB", "CB01", 2, 240, 40), new("PV", "PV01", 1, 20, 5)]);
        issued.AdjustmentPoints.ShouldBe(7);
        issued.TotalMinutes.ShouldBe(260);
        issued.TotalPoints.ShouldBe(52);
    }

    [Fact]
    public void it_fixes_the_account_version_and_the_chain_link_that_prove_it()
    {
        var issued = Issue(Build.Date(2026, 6, 1), Build.Date(2026, 6, 30));

        (issued.AccountVersion, issued.Chain, issued.ChainPosition, issued.ChainHash)
            .ShouldBe((9L, Anchor.Chain, 42L, Anchor.Hash));
        (issued.CertificateId, issued.VolunteerId, issued.CommunityId, issued.IssuedBy, issued.IssuedAt)
            .ShouldBe((CertificateId, Build.Zhang, Build.Lanhua, "auditor-qian", Build.Now));
    }

    [Fact]
    public void its_check_code_covers_every_fact_it_states()
    {
        var issued = Issue(Build.Date(2026, 6, 1), Build.Date(2026, 6, 30));

        issued.Digest.ShouldBe(CertificateDigest.Of(issued));
        CertificateDigest.Of(issued with { TotalPoints = 53 }).ShouldNotBe(issued.Digest);
        CertificateDigest.Of(issued with { To = Build.Date(2026, 7, 1) }).ShouldNotBe(issued.Digest);
        CertificateDigest.Of(issued with { Lines = [issued.Lines[0] with { Minutes = 241 }, issued.Lines[1]] })
            .ShouldNotBe(issued.Digest);
        CertificateDigest.Of(issued with { ChainHash = new string('b', 64) }).ShouldNotBe(issued.Digest);
        CertificateDigest.Printed(issued.Digest).Split(' ').Length.ShouldBe(16);
    }

    [Fact]
    public void a_period_without_service_gives_an_empty_certificate()
    {
        var issued = Issue(Build.Date(2026, 5, 1), Build.Date(2026, 5, 31));

        issued.Lines.ShouldBeEmpty();
        (issued.TotalMinutes, issued.TotalPoints).ShouldBe((0, 0));
    }

    [Fact]
    public void a_reversed_or_future_period_is_refused()
    {
        Should.Throw<LedgerRuleViolation>(() => Issue(Build.Date(2026, 6, 30), Build.Date(2026, 6, 1)))
            .Code.ShouldBe("period_reversed");
        var tomorrow = ShanghaiCalendar.Today(Build.Now).PlusDays(1);
        var future = Should.Throw<LedgerRuleViolation>(() => Issue(Build.Date(2026, 6, 1), tomorrow));
        (future.Code, future.Field).ShouldBe(("period_in_future", "to"));
    }
}
