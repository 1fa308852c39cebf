using NodaTime;

namespace QunTuan.Ledger.Volunteers;

/// <summary>
/// A volunteer's personal data, deliberately a document and not events so that erasure can delete it
/// (PIPL). The name is kept as given; phone and ID-card numbers only as ciphertext sealed by the API.
/// </summary>
public sealed record VolunteerPersonalData(
    Guid Id,
    string DisplayName,
    Instant UpdatedAt,
    string? PhoneCipher = null,
    string? IdCardCipher = null);
