using System.Text.Json.Serialization;

namespace QunTuan.Ledger.ElderCare;

/// <summary>How old an elder is, in bands: a birth date would identify them and is not needed to pair helpers.</summary>
public enum AgeBand
{
    [JsonStringEnumMemberName("70_79")] Aged70To79,
    [JsonStringEnumMemberName("80_89")] Aged80To89,
    [JsonStringEnumMemberName("90_plus")] Aged90Plus
}
