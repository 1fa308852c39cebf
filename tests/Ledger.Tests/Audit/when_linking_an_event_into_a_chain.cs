using QunTuan.Ledger.Audit;

namespace QunTuan.Ledger.Tests.Audit;

public sealed class when_linking_an_event_into_a_chain
{
    private static readonly StoredEvent Event = new(17, new Guid("01000000-0000-4000-8000-000000000001"),
        new Guid("02000000-0000-4000-8000-000000000001"), 3, "points_credited",
        new DateTimeOffset(2026, 6, 30, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4560),
        """{"points": 20, "note": "台风天"}""", "c0ffee", null, "clerk-li", """{"user-id": "u1"}""");

    [Fact]
    public void the_same_event_after_the_same_link_always_gives_the_same_hash()
    {
        var hash = ChainHash.Link(ChainHash.Genesis, Event);

        hash.ShouldBe(ChainHash.Link(new string('0', 64), Event with { }));
        hash.Length.ShouldBe(64);
        hash.ShouldBe(hash.ToLowerInvariant());
    }

    [Fact]
    public void every_field_and_the_previous_link_are_committed_to()
    {
        var hash = ChainHash.Link(ChainHash.Genesis, Event);
        StoredEvent[] variants =
        [
            Event with { Sequence = 18 }, Event with { Id = Guid.NewGuid() }, Event with { StreamId = Guid.NewGuid() },
            Event with { Version = 4 }, Event with { Type = "points_adjusted" },
            Event with { Timestamp = Event.Timestamp.AddMicroseconds(1) },
            Event with { Data = """{"points": 21, "note": "台风天"}""" }, Event with { CorrelationId = "c0ffef" },
            Event with { CausationId = "x" }, Event with { UserName = "clerk-wang" }, Event with { Headers = null }
        ];

        foreach (var variant in variants) ChainHash.Link(ChainHash.Genesis, variant).ShouldNotBe(hash, variant.ToString());
        ChainHash.Link(new string('1', 64), Event).ShouldNotBe(hash);
    }

    [Fact]
    public void below_a_microsecond_the_timestamp_is_what_postgresql_keeps()
    {
        // PostgreSQL stores microseconds: the link must not depend on ticks the database never held.
        ChainHash.Link(ChainHash.Genesis, Event)
            .ShouldBe(ChainHash.Link(ChainHash.Genesis, Event with { Timestamp = Event.Timestamp.AddTicks(3) }));
    }
}
