using System.Security.Cryptography;
using System.Text;

namespace QunTuan.Ledger.Redemptions;

/// <summary>
/// The code a volunteer shows to collect an approved item. It is shown once, to the office; events keep only a
/// hash salted with the redemption id, so the store never holds a code someone could read and use.
/// </summary>
public static class PickupCode
{
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8");

    public static string Hash(Guid redemptionId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{redemptionId:N}:{code.Trim()}")));

    public static bool Matches(Guid redemptionId, string? code, string hash) =>
        code is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(redemptionId, code)),
            Encoding.ASCII.GetBytes(hash));
}
