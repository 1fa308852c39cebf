namespace QunTuan.Api.Privacy;

/// <summary>A volunteer's protected profile as shown: numbers masked unless revealed to someone allowed to see them.</summary>
public sealed record PersonalProfile(
    Guid VolunteerId,
    string DisplayName,
    string? Phone,
    string? IdCardNumber,
    bool Masked,
    bool Erased);
