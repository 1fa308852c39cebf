using static QunTuan.Api.Access.Locators;
using static QunTuan.Api.Access.Who;

namespace QunTuan.Api.Access;

/// <summary>
/// Every API route and who may call it, in one place. A route with no rule here is refused for everyone
/// (and fails the authorization matrix test), so a new endpoint cannot ship unguarded.
/// </summary>
public static class AccessRules
{
    private static readonly List<AccessRule> Rules = [];

    public static IReadOnlyList<AccessRule> All => Rules;

    private static readonly Dictionary<string, AccessRule> ByKey;

    static AccessRules()
    {
        // Sign-in and the public activity catalog.
        Public("POST", "/api/auth/token");
        Public("POST", "/api/auth/activate");
        Public("GET", "/api/activities");
        Public("GET", "/api/activities/{code}");

        // Administration.
        Rule("POST", "/api/activities", Nothing, AdminsOnly);
        Rule("POST", "/api/activities/{code}/rules", Nothing, AdminsOnly);
        Rule("POST", "/api/communities", Nothing, AdminsOnly);
        Rule("POST", "/api/users", Nothing, AdminsOnly);
        Rule("GET", "/api/users", Nothing, AdminsOnly);

        // Communities and volunteers.
        Rule("GET", "/api/communities", Nothing, Everyone);
        Rule("GET", "/api/communities/{communityId}", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("POST", "/api/communities/{communityId}/volunteers", CommunityInRoute(), [Office]);
        Rule("GET", "/api/communities/{communityId}/volunteers", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity]);
        Rule("GET", "/api/volunteers/{volunteerId}", VolunteerInRoute(),
            [Owner, Office, Auditor, OrganizerInCommunity]);
        // As of an instant or a version, they are folded from the events: an audit operation.
        Rule("GET", "/api/volunteers/{volunteerId}/balance", VolunteerInRoute(), [Owner, Office, Auditor],
            auditOnlyQuery: ["asOf", "version"]);
        Rule("GET", "/api/volunteers/{volunteerId}/statement", VolunteerInRoute(), [Owner, Office, Auditor],
            auditOnlyQuery: ["asOf", "version"]);
        Rule("POST", "/api/volunteers/{volunteerId}/adjustments", VolunteerInRoute(), [Office]);

        // The protected profile: personal data, erasable.
        Rule("GET", "/api/volunteers/{volunteerId}/profile", VolunteerInRoute(), [Owner, Office, Auditor]);
        Rule("PUT", "/api/volunteers/{volunteerId}/profile", VolunteerInRoute(), [Owner, Office]);
        Rule("DELETE", "/api/volunteers/{volunteerId}/profile", VolunteerInRoute(), AdminsOnly);

        // Service records and the office queue.
        Rule("POST", "/api/service-records", VolunteerInBody(), [Owner, OrganizerInCommunity, Office],
            officeOnly: ["verifyNow"]);
        Rule("GET", "/api/service-records/{recordId}", ServiceRecordInRoute(), [Owner, Office, Auditor]);
        Rule("POST", "/api/service-records/{recordId}/verify", ServiceRecordInRoute(), [Office]);
        Rule("POST", "/api/service-records/{recordId}/reject", ServiceRecordInRoute(), [Office]);
        Rule("POST", "/api/service-records/{recordId}/reversal", ServiceRecordInRoute(), [Office]);
        Rule("GET", "/api/communities/{communityId}/service-records", CommunityInRoute(), [Office, Auditor]);

        // Patrol teams and shifts (平安巡防): the office, and the organizers of the team.
        Rule("POST", "/api/patrol-teams", CommunityInBody("community"), [Office]);
        Rule("GET", "/api/patrol-teams/{teamId}", PatrolTeamInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("POST", "/api/patrol-teams/{teamId}/members", PatrolTeamInRoute(), [Office, OrganizerOfIt]);
        Rule("POST", "/api/patrol-shifts", PatrolTeamOrCommunityInBody(), [Office, OrganizerOfIt]);
        Rule("GET", "/api/patrol-shifts/{shiftId}", PatrolShiftInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("GET", "/api/communities/{communityId}/patrol-shifts", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        // Volunteers check themselves in only with the shift's code; organizers and the office check anyone in.
        Rule("POST", "/api/patrol-shifts/{shiftId}/check-ins", PatrolShiftInRoute(ownerInBody: "volunteerId"),
            [Office, OrganizerOfIt, OwnerWith("code")]);
        Rule("POST", "/api/patrol-shifts/{shiftId}/check-outs", PatrolShiftInRoute(ownerInBody: "volunteerId"),
            [Office, OrganizerOfIt, Owner]);
        Rule("POST", "/api/patrol-shifts/{shiftId}/incidents", PatrolShiftInRoute(), [Office, OrganizerOfIt]);
        Rule("POST", "/api/patrol-shifts/{shiftId}/close", PatrolShiftInRoute(), [Office, OrganizerOfIt],
            officeOnly: ["creditNow"]);

        // River guarding (护河): the host community's office, and members of the team for its patrols and findings.
        // A street team's members from the street's other communities read and work their team like any member.
        Rule("POST", "/api/river-teams", CommunityInBody("communityId"), [Office]);
        Rule("GET", "/api/river-teams/{teamId}", RiverTeamInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity, MemberOfIt]);
        Rule("POST", "/api/river-teams/{teamId}/members", RiverTeamInRoute(), [Office]);
        Rule("POST", "/api/river-teams/{teamId}/segments", RiverTeamInRoute(), [Office]);
        Rule("GET", "/api/river-teams/{teamId}/segments", RiverTeamInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity, MemberOfIt]);
        Rule("POST", "/api/river-teams/{teamId}/patrols", RiverTeamInRoute(), [Office, MemberOfIt],
            officeOnly: ["creditNow"]);
        Rule("GET", "/api/river-patrols/{patrolId}", RiverPatrolInRoute(),
            [Office, Auditor, VolunteerInCommunity, MemberOfIt]);
        Rule("GET", "/api/river-findings/{findingId}", RiverFindingInRoute(),
            [Office, Auditor, VolunteerInCommunity, MemberOfIt]);
        Rule("POST", "/api/river-findings/{findingId}/resolve", RiverFindingInRoute(), [Office, MemberOfIt]);

        // 1+3 elder pairing (结对帮扶独居老人): the office runs it; each helper logs their own visits and sees the
        // elders they are paired with.
        Rule("POST", "/api/communities/{communityId}/elders", CommunityInRoute(), [Office]);
        Rule("GET", "/api/communities/{communityId}/elders", CommunityInRoute(), [Office, Auditor]);
        Rule("GET", "/api/communities/{communityId}/elders/overdue", CommunityInRoute(), [Office, Auditor]);
        Rule("GET", "/api/communities/{communityId}/elder-alerts", CommunityInRoute(), [Office, Auditor]);
        Rule("GET", "/api/elders/{elderId}", ElderInRoute(), [Office, Auditor, MemberOfIt]);
        Rule("GET", "/api/elders/{elderId}/coverage", ElderInRoute(), [Office, Auditor, MemberOfIt]);
        Rule("PUT", "/api/elders/{elderId}/helpers", ElderInRoute(), [Office]);
        Rule("POST", "/api/elders/{elderId}/visits", ElderVisitInRoute(), [Office, Owner]);
        Rule("POST", "/api/elder-alerts/{alertId}/acknowledge", ElderAlertInRoute(), [Office]);

        // Participation, rankings and ratings (两率): figures, readable by everyone in the community.
        Rule("GET", "/api/communities/{communityId}/participation", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("GET", "/api/rankings/volunteers", CommunityInQuery(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("GET", "/api/rankings/communities", Nothing, Everyone);
        Rule("GET", "/api/communities/{communityId}/participation.csv", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("GET", "/api/communities/{communityId}/participation.png", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("GET", "/api/rankings/volunteers.csv", CommunityInQuery(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("GET", "/api/rankings/communities.csv", Nothing, Everyone);
        Rule("GET", "/api/communities/{communityId}/ratings.csv", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("POST", "/api/ratings", RatedSubjectInBody(), [Office, VolunteerInCommunity]);
        Rule("GET", "/api/communities/{communityId}/ratings", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);

        // Audit (审计): auditors and admins read; operations over the whole store need an auditor of every community.
        Rule("GET", "/api/audit/streams/{streamId}/events", StreamInRoute(), [Auditor, AuditorOfAll]);
        Rule("GET", "/api/audit/communities/{communityId}/events", CommunityInRoute(), [Auditor]);
        Rule("GET", "/api/audit/chain/verify", Nothing, [AuditorOfAll]);
        Rule("GET", "/api/audit/chain/heads", Nothing, [AuditorOfAll]);
        Rule("POST", "/api/audit/replays", Nothing, [AuditorOfAll]);
        Rule("GET", "/api/audit/replays/{replayId}", Nothing, [AuditorOfAll]);
        Rule("GET", "/api/audit/invariants", Nothing, [AuditorOfAll]);

        // Certificates (志愿服务记录证明): auditors issue and read them; anyone may check one against the ledger.
        Rule("POST", "/api/volunteers/{volunteerId}/certificates", VolunteerInRoute(), [Auditor]);
        Rule("GET", "/api/certificates/{certificateId}", CertificateInRoute(), [Auditor]);
        Rule("GET", "/api/certificates/{certificateId}/print", CertificateInRoute(), [Auditor]);
        Public("GET", "/api/certificates/{certificateId}/verify");

        // Redemption (积分兑换): the office runs the catalog, decides requests, hands items over and grants chest
        // points; volunteers request, cancel and donate for themselves (and redeem for their community's
        // beneficiaries); auditors read.
        Rule("GET", "/api/communities/{communityId}/catalog", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("POST", "/api/communities/{communityId}/catalog", CommunityInRoute(), [Office]);
        Rule("GET", "/api/catalog-items/{itemId}", CatalogItemInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);
        Rule("POST", "/api/catalog-items/{itemId}/restock", CatalogItemInRoute(), [Office]);
        Rule("POST", "/api/catalog-items/{itemId}/slots", CatalogItemInRoute(), [Office]);
        Rule("POST", "/api/catalog-items/{itemId}/reprice", CatalogItemInRoute(), [Office]);
        Rule("POST", "/api/catalog-items/{itemId}/delist", CatalogItemInRoute(), [Office]);
        Rule("POST", "/api/redemptions", VolunteerInBody(), [Owner]);
        Rule("GET", "/api/redemptions/{redemptionId}", RedemptionInRoute(), [Owner, Office, Auditor]);
        Rule("POST", "/api/redemptions/{redemptionId}/approve", RedemptionInRoute(), [Office]);
        Rule("POST", "/api/redemptions/{redemptionId}/reject", RedemptionInRoute(), [Office]);
        Rule("POST", "/api/redemptions/{redemptionId}/cancel", RedemptionInRoute(), [Owner]);
        Rule("POST", "/api/redemptions/{redemptionId}/fulfil", RedemptionInRoute(), [Office]);
        Rule("GET", "/api/communities/{communityId}/redemptions", CommunityInRoute(), [Office, Auditor]);
        Rule("GET", "/api/volunteers/{volunteerId}/redemptions", VolunteerInRoute(), [Owner, Office, Auditor]);
        Rule("POST", "/api/volunteers/{volunteerId}/donations", VolunteerInRoute(), [Owner]);
        Rule("GET", "/api/communities/{communityId}/chest", CommunityInRoute(), [Office, Auditor]);
        Rule("POST", "/api/communities/{communityId}/chest/grants", CommunityInRoute(), [Office]);
        Rule("PUT", "/api/communities/{communityId}/points-policy", CommunityInRoute(), [Office]);
        Rule("POST", "/api/communities/{communityId}/points-expiry", CommunityInRoute(), [Office]);
        Rule("POST", "/api/communities/{communityId}/households", CommunityInRoute(), [Office]);
        Rule("GET", "/api/communities/{communityId}/households", CommunityInRoute(),
            [Office, Auditor, OrganizerInCommunity, VolunteerInCommunity]);

        ByKey = Rules.ToDictionary(r => r.Key);
    }

    public static AccessRule? Find(string method, string route) => ByKey.GetValueOrDefault($"{method} {route}");

    private static void Public(string method, string route) =>
        Rules.Add(new AccessRule(method, route, Nothing, [], Public: true));

    private static void Rule(string method, string route, Locator locate, Grant[] grants, string[]? officeOnly = null,
        string[]? auditOnlyQuery = null) =>
        Rules.Add(new AccessRule(method, route, locate, grants, OfficeOnlyFlags: officeOnly, AuditOnlyQuery: auditOnlyQuery));
}
