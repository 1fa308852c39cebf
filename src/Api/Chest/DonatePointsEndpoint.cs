using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Chest;
using Wolverine.Http;

namespace QunTuan.Api.Chest;

public sealed record DonatePointsRequest(int Points, string? Note = null);

public sealed record DonationMade(Guid DonationId, Guid VolunteerId, int Points, int BalanceAfter, Guid ChestId,
    int ChestBalanceAfter);

public static class DonatePointsEndpoint
{
    /// <summary>The volunteer gives points to the community chest (爱心池): one debit, one credit, one transaction.</summary>
    [WolverinePost("/api/volunteers/{volunteerId}/donations")]
    public static async Task<IResult> Post(string volunteerId, DonatePointsRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var donation = await DonatePointsHandler.Handle(
            new DonatePoints(Ids.FromRoute(volunteerId, "volunteer"), Guid.CreateVersion7(), request.Points,
                request.Note, Actor.Of(context)), session, clock, ct);
        var (donated, received) = (donation.Donated, donation.Received);
        return Results.Created($"/api/volunteers/{donated.VolunteerId}/statement",
            new DonationMade(donated.DonationId, donated.VolunteerId, donated.Points, donated.BalanceAfter,
                received.ChestId, received.BalanceAfter));
    }
}
