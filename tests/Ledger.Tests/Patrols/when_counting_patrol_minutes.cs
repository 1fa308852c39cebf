using CsCheck;
using NodaTime;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Ledger.Tests.Patrols;

/// <summary>Only time inside [max(check-in, planned start), min(check-out or close, planned end)] counts.</summary>
public sealed class when_counting_patrol_minutes
{
    private static int Minutes(Instant checkedIn, Instant? checkedOut, Instant closedAt) =>
        PatrolTime.CountedMinutes(Patrol.Start, Patrol.End, checkedIn, checkedOut, closedAt);

    [Fact]
    public void the_whole_plan_counts_for_someone_there_from_start_to_end() =>
        Minutes(Patrol.Start, Patrol.End, Patrol.End).ShouldBe(180);

    [Fact]
    public void arriving_early_does_not_count_the_time_before_the_start() =>
        Minutes(Patrol.At(10, 0), Patrol.At(12, 0), Patrol.At(14, 0)).ShouldBe(90);

    [Fact]
    public void arriving_late_counts_from_the_check_in() =>
        Minutes(Patrol.At(11, 15), Patrol.At(13, 0), Patrol.At(14, 0)).ShouldBe(105);

    [Fact]
    public void staying_late_does_not_count_beyond_the_planned_end() =>
        Minutes(Patrol.Start, Patrol.At(15, 0), Patrol.At(15, 5)).ShouldBe(180);

    [Fact]
    public void a_missing_check_out_is_capped_at_the_planned_end() =>
        Minutes(Patrol.Start, null, Patrol.At(23, 0)).ShouldBe(180);

    [Fact]
    public void a_missing_check_out_ends_at_an_early_close() =>
        Minutes(Patrol.Start, null, Patrol.At(11, 40)).ShouldBe(70);

    [Fact]
    public void a_check_in_after_the_planned_end_counts_nothing() =>
        Minutes(Patrol.At(13, 45), null, Patrol.At(14, 0)).ShouldBe(0);

    [Fact]
    public void a_visit_wholly_before_the_start_counts_nothing() =>
        Minutes(Patrol.At(10, 0), Patrol.At(10, 20), Patrol.At(14, 0)).ShouldBe(0);

    [Fact]
    public void a_close_before_the_start_counts_nothing() =>
        Minutes(Patrol.At(10, 0), null, Patrol.At(10, 15)).ShouldBe(0);

    [Fact]
    public void part_minutes_are_dropped() =>
        Minutes(Patrol.Start + Duration.FromSeconds(30), Patrol.At(11, 31), Patrol.End).ShouldBe(60);

    [Fact]
    public void counted_time_never_exceeds_the_plan_nor_the_time_on_site()
    {
        var minute = Gen.Int[-120, 400];
        Gen.Select(minute, minute, Gen.Bool, minute).Sample((inAt, outAfter, checkedOut, closeAfter) =>
        {
            var checkedIn = Patrol.Start + Duration.FromMinutes(inAt);
            Instant? checkOut = checkedOut ? checkedIn + Duration.FromMinutes(Math.Abs(outAfter)) : null;
            var closedAt = (checkOut ?? checkedIn) + Duration.FromMinutes(Math.Abs(closeAfter));
            var counted = Minutes(checkedIn, checkOut, closedAt);
            var onSite = ((checkOut ?? closedAt) - checkedIn).TotalMinutes;
            return counted >= 0 && counted <= 180 && counted <= onSite;
        });
    }
}
