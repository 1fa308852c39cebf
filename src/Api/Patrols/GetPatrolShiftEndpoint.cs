using Marten;
using QunTuan.Api.Access;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

public static class GetPatrolShiftEndpoint
{
    /// <summary>The shift; its self check-in code only for the office, auditors and the team's organizers, since
    /// volunteers must get it on the spot.</summary>
    [WolverineGet("/api/patrol-shifts/{shiftId}")]
    public static async Task<PatrolShiftView> Get(string shiftId, HttpContext context, IQuerySession session,
        CancellationToken ct)
    {
        var shift = await session.LoadAsync<PatrolShiftView>(Ids.FromRoute(shiftId, "patrol_shift"), ct)
                    ?? throw LedgerRuleViolation.NotFound("patrol_shift", shiftId);
        var located = await Locators.PatrolShiftInRoute()(new AccessContext(context, session));
        var user = CurrentUser.From(context.User)!;
        var staff = user.Is(Role.Admin) || user.Covers(Role.Office, shift.CommunityId) ||
                    user.Covers(Role.Auditor, shift.CommunityId) ||
                    AccessMiddleware.Reaches(user, Who.OrganizerOfIt, located.Resource);
        return staff ? shift : shift with { CheckInCode = "******" };
    }
}
