using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NodaTime.Text;

namespace QunTuan.Ledger.Certificates;

/// <summary>
/// The certificate's check code (校验码): SHA-256 over every fact it states, in a fixed order, so the printed figures,
/// the period, the volunteer and the chain anchor cannot change without the code changing.
/// </summary>
public static class CertificateDigest
{
    public static string Of(CertificateIssued c)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(c.CertificateId.ToString("D"));
            json.WriteStringValue(c.VolunteerId.ToString("D"));
            json.WriteStringValue(c.CommunityId.ToString("D"));
            json.WriteStringValue(LocalDatePattern.Iso.Format(c.From));
            json.WriteStringValue(LocalDatePattern.Iso.Format(c.To));
            json.WriteStartArray();
            foreach (var line in c.Lines)
            {
                json.WriteStartArray();
                json.WriteStringValue(line.CategoryCode);
                json.WriteStringValue(line.ActivityCode);
                json.WriteNumberValue(line.Services);
                json.WriteNumberValue(line.Minutes);
                json.WriteNumberValue(line.Points);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumberValue(c.AdjustmentPoints);
            json.WriteNumberValue(c.TotalMinutes);
            json.WriteNumberValue(c.TotalPoints);
            json.WriteNumberValue(c.AccountVersion);
            json.WriteStringValue(c.Chain);
            json.WriteNumberValue(c.ChainPosition);
            json.WriteStringValue(c.ChainHash);
            json.WriteStringValue(InstantPattern.ExtendedIso.Format(c.IssuedAt));
            json.WriteStringValue(c.IssuedBy);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The code as printed: groups of four, easier to read out and compare by eye.</summary>
    public static string Printed(string digest) =>
        string.Join(' ', Enumerable.Range(0, digest.Length / 4).Select(i => digest.Substring(i * 4, 4)))
            .ToUpper(CultureInfo.InvariantCulture);
}
