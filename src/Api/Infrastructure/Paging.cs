namespace QunTuan.Api.Infrastructure;

public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);

/// <summary>Paging for list endpoints: 1-based pages, at most 100 items each.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize, int defaultSize = 20)
    {
        var p = page ?? 1;
        var s = pageSize ?? defaultSize;
        if (p < 1)
            throw new RequestRejected("page", "page_out_of_range", "page 须从 1 开始 / page must be 1 or more");
        if (s is < 1 or > MaxPageSize)
            throw new RequestRejected("pageSize", "page_size_out_of_range",
                $"pageSize 须在 1 到 {MaxPageSize} 之间 / pageSize must be between 1 and {MaxPageSize}");
        return new Paging(p, s);
    }
}
