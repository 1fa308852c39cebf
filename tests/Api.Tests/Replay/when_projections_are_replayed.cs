using System.Text.Json;
using Marten;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.Replay;

/// <summary>I6: every stored snapshot and read model equals a fresh left fold of its stream's events.</summary>
public sealed class when_projections_are_replayed(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task documents_equal_a_fold_of_their_events()
    {
        var credited = await Credit(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 200);
        await Credit(Seeded.ZhangXiaomei, "PV01", Today, occasions: 3);
        await Credit(Seeded.ZhangXiaomei, "PV01", Today, occasions: 3); // reaches the weekly cap of 20
        var rejected = await SubmitRecord(Seeded.LiJianguo, "CB03", Today);
        await Post($"/api/service-records/{rejected}/reject", new QunTuan.Api.ServiceRecords.RejectServiceRecordRequest("重复 / duplicate"));
        await Post($"/api/service-records/{credited.RecordId}/reversal",
            new QunTuan.Api.ServiceRecords.ReverseServiceRecordRequest(CorrectionReason.EntryError, "时长填错 / wrong duration"));
        await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments",
            new AdjustPointsRequest(7, CorrectionReason.Goodwill, "感谢 / thanks"));

        await using var session = Store.QuerySession();
        foreach (var volunteer in new[] { Seeded.ZhangXiaomei, Seeded.LiJianguo })
        {
            await ShouldMatchFold<VolunteerAccount>(session, volunteer);
            await ShouldMatchFold<VolunteerBalance>(session, volunteer);
            await ShouldMatchFold<VolunteerProfile>(session, volunteer);
        }
        var records = await session.Query<ServiceRecordView>().Select(r => r.Id).ToListAsync();
        records.Count.ShouldBe(4);
        foreach (var record in records)
        {
            await ShouldMatchFold<ServiceRecord>(session, record);
            await ShouldMatchFold<ServiceRecordView>(session, record);
        }

        var balance = await session.LoadAsync<VolunteerBalance>(Seeded.ZhangXiaomei);
        balance!.Available.ShouldBe(20 + 7); // cap of 20 for PV01 that week; patrol reversed; goodwill 7
    }

    private static async Task ShouldMatchFold<T>(IQuerySession session, Guid id) where T : class
    {
        var stored = await session.LoadAsync<T>(id);
        var folded = await session.Events.AggregateStreamAsync<T>(id);
        stored.ShouldNotBeNull();
        folded.ShouldNotBeNull();
        // Compare serialized forms: records holding collections do not compare by value.
        JsonSerializer.Serialize(folded, Json).ShouldBe(JsonSerializer.Serialize(stored, Json), typeof(T).Name);
    }
}
