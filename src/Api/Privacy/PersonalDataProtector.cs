using System.Security.Cryptography;
using System.Text;

namespace QunTuan.Api.Privacy;

/// <summary>
/// Seals phone and ID-card numbers with AES-256-GCM before they are stored. The volunteer id and the field
/// name are bound in as associated data, so a ciphertext copied onto another volunteer or field fails to open.
/// </summary>
public sealed class PersonalDataProtector(byte[] key)
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Development and test key, published in the repository; never valid in Production.</summary>
    public const string DevelopmentKey = "ZGV2ZWxvcG1lbnQtb25seS1xdW50dWFuLXBpaS1rZXk=";

    public string Seal(Guid owner, string field, string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[data.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, cipher, tag, Associated(owner, field));
        return $"{Version}:{Convert.ToBase64String([.. nonce, .. cipher, .. tag])}";
    }

    public string Open(Guid owner, string field, string sealedText)
    {
        var parts = sealedText.Split(':', 2);
        if (parts is not [Version, var payload]) throw new CryptographicException("Unknown personal data format.");
        var bytes = Convert.FromBase64String(payload);
        var nonce = bytes.AsSpan(0, NonceSize);
        var tag = bytes.AsSpan(bytes.Length - TagSize);
        var cipher = bytes.AsSpan(NonceSize, bytes.Length - NonceSize - TagSize);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, cipher, tag, plain, Associated(owner, field));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Associated(Guid owner, string field) => Encoding.UTF8.GetBytes($"{owner:N}/{field}");

    public static PersonalDataProtector FromConfiguration(IConfiguration config, IHostEnvironment environment)
    {
        var configured = config["Privacy:EncryptionKey"];
        if (string.IsNullOrEmpty(configured))
        {
            if (environment.IsProduction())
                throw new InvalidOperationException(
                    "Privacy:EncryptionKey is not configured. Set Privacy__EncryptionKey (base64, 32 bytes) before running in Production.");
            configured = DevelopmentKey;
        }
        var bytes = Convert.FromBase64String(configured);
        if (bytes.Length != 32) throw new InvalidOperationException("Privacy:EncryptionKey must be 32 bytes (base64).");
        return new PersonalDataProtector(bytes);
    }
}
