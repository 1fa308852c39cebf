using NodaTime;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Ledger.Tests.Patrols;

/// <summary>The code works from 30 minutes before the planned start until the planned end.</summary>
public sealed class when_checking_the_self_check_in_window
{
    private static SelfCheckInWindow At(int hour, int minute, int second = 0) =>
        PatrolTime.SelfCheckIn(Patrol.Start, Patrol.End, Patrol.At(hour, minute) + Duration.FromSeconds(second));

    [Fact]
    public void it_is_not_yet_open_a_second_before_half_an_hour_ahead() =>
        At(9, 59, 59).ShouldBe(SelfCheckInWindow.NotYetOpen);

    [Fact]
    public void it_opens_exactly_half_an_hour_before_the_start() => At(10, 0).ShouldBe(SelfCheckInWindow.Open);

    [Theory]
    [InlineData(10, 30)]
    [InlineData(12, 0)]
    [InlineData(13, 29)]
    public void it_stays_open_until_the_planned_end(int hour, int minute) =>
        At(hour, minute).ShouldBe(SelfCheckInWindow.Open);

    [Fact]
    public void it_is_open_in_the_last_second_before_the_end() => At(13, 29, 59).ShouldBe(SelfCheckInWindow.Open);

    [Fact]
    public void it_has_expired_at_the_planned_end() => At(13, 30).ShouldBe(SelfCheckInWindow.Expired);

    [Fact]
    public void it_stays_expired_the_next_day() =>
        PatrolTime.SelfCheckIn(Patrol.Start, Patrol.End, Patrol.End + Duration.FromDays(1))
            .ShouldBe(SelfCheckInWindow.Expired);

    [Fact]
    public void the_opening_is_the_planned_start_less_thirty_minutes() =>
        PatrolTime.SelfCheckInOpensAt(Patrol.Start).ShouldBe(Patrol.At(10, 0));
}
