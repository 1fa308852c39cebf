using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Shared;

public sealed class when_deriving_a_deterministic_id
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void it_matches_the_rfc_9562_version_5_example()
    {
        // RFC 9562 appendix A.4 (UUIDv5 of "www.example.com" in the DNS namespace).
        DeterministicId.Create(DnsNamespace, "www.example.com")
            .ShouldBe(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    [Fact]
    public void every_id_is_marked_as_version_5_with_the_rfc_variant()
    {
        foreach (var name in new[] { "lanhua", "meilin", "CB01", "PV12", "" })
        {
            var text = DeterministicId.Create(DnsNamespace, name).ToString();
            text[14].ShouldBe('5');
            "89ab".ShouldContain(text[19]);
        }
    }

    [Fact]
    public void the_same_name_always_gives_the_same_id_and_different_names_differ()
    {
        DeterministicId.Create(DnsNamespace, "lanhua").ShouldBe(DeterministicId.Create(DnsNamespace, "lanhua"));
        DeterministicId.Create(DnsNamespace, "lanhua").ShouldNotBe(DeterministicId.Create(DnsNamespace, "meilin"));
    }

    [Fact]
    public void the_namespace_is_part_of_the_id()
    {
        var otherNamespace = new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"); // the URL namespace

        DeterministicId.Create(otherNamespace, "www.example.com")
            .ShouldNotBe(DeterministicId.Create(DnsNamespace, "www.example.com"));
    }

    [Theory]
    [InlineData("LanHua")]
    [InlineData("  lanhua ")]
    [InlineData("LANHUA\t")]
    public void a_community_id_ignores_case_and_surrounding_whitespace(string code)
    {
        DeterministicId.ForCommunity(code).ShouldBe(DeterministicId.ForCommunity("lanhua"));
    }

    [Theory]
    [InlineData("cb01")]
    [InlineData(" Cb01 ")]
    public void an_activity_id_ignores_case_and_surrounding_whitespace(string code)
    {
        DeterministicId.ForActivity(code).ShouldBe(DeterministicId.ForActivity("CB01"));
    }

    [Fact]
    public void communities_and_activities_never_share_an_id()
    {
        DeterministicId.ForCommunity("cb01").ShouldNotBe(DeterministicId.ForActivity("cb01"));
    }
}
