using System.Security.Cryptography;
using System.Text;

namespace QunTuan.Ledger.Shared;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5) for streams whose natural key is a code, such as a community
/// (<c>lanhua</c>) or an activity (<c>CB01</c>). Deriving the stream id from the code lets the event store's
/// primary key enforce code uniqueness, and lets routes accept either the code or the id.
/// </summary>
public static class DeterministicId
{
    private static readonly Guid CommunityNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0001");
    private static readonly Guid ActivityNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0002");

    public static Guid ForCommunity(string code) => Create(CommunityNamespace, code.Trim().ToLowerInvariant());

    public static Guid ForActivity(string code) => Create(ActivityNamespace, code.Trim().ToUpperInvariant());

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
