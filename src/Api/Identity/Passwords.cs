using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Identity;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 hasher) and one-time activation codes.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // No 0/O or 1/I/L: codes are read out over the phone or copied from paper.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(UserAccount user, string password) =>
        user.PasswordHash is { } hash &&
        Hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;

    public static void EnsureAcceptable(string password)
    {
        if (password.Length is < MinLength or > MaxLength)
            throw LedgerRuleViolation.Invalid("weak_password",
                $"密码须为 {MinLength}-{MaxLength} 个字符 / password must be {MinLength}-{MaxLength} characters", "password");
        if (password.All(char.IsDigit))
            throw LedgerRuleViolation.Invalid("weak_password",
                "密码不能全是数字 / password must not be digits only", "password");
    }

    public static string NewActivationCode() =>
        string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        });

    public static string HashCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));

    public static bool CodeMatches(string? storedHash, string code) =>
        storedHash is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(HashCode(code)));
}
