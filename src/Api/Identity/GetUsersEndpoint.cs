using Marten;
using Marten.Pagination;
using QunTuan.Api.Infrastructure;
using Wolverine.Http;

namespace QunTuan.Api.Identity;

public static class GetUsersEndpoint
{
    [WolverineGet("/api/users")]
    public static async Task<ResultPage<UserSummary>> Get(int? page, int? pageSize, IQuerySession session,
        CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var users = await session.Query<UserAccount>().OrderBy(u => u.Username)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ResultPage<UserSummary>(users.Select(UserSummary.Of).ToList(), paging.Page, paging.PageSize,
            users.TotalItemCount);
    }
}
