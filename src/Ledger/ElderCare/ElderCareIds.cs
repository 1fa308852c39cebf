using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ElderCare;

/// <summary>
/// Ids derived from what they stand for. The service record of a helper's visits to an elder on one day has
/// one id, so "already credited that day" is a question the event store answers by that stream's existence.
/// </summary>
public static class ElderCareIds
{
    private static readonly Guid VisitRecordNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0101");
    private static readonly Guid VisitAlertNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0102");

    public static Guid VisitRecord(Guid elderId, Guid volunteerId, LocalDate visitDate) =>
        DeterministicId.Create(VisitRecordNamespace, $"{elderId:N}/{volunteerId:N}/{visitDate:uuuu-MM-dd}");

    public static Guid VisitAlert(Guid visitId) => DeterministicId.Create(VisitAlertNamespace, visitId.ToString("N"));
}
