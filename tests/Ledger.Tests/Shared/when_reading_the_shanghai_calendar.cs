using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Shared;

public sealed class when_reading_the_shanghai_calendar
{
    [Fact]
    public void today_turns_over_at_16_00_utc()
    {
        // Shanghai is UTC+8 all year round (no daylight saving).
        ShanghaiCalendar.Today(Instant.FromUtc(2026, 11, 22, 15, 59, 59)).ShouldBe(new LocalDate(2026, 11, 22));
        ShanghaiCalendar.Today(Instant.FromUtc(2026, 11, 22, 16, 0, 0)).ShouldBe(new LocalDate(2026, 11, 23));
    }

    [Fact]
    public void an_early_utc_morning_is_already_that_afternoon_in_shanghai()
    {
        ShanghaiCalendar.Today(Instant.FromUtc(2026, 7, 1, 0, 0)).ShouldBe(new LocalDate(2026, 7, 1));
    }

    [Fact]
    public void the_year_turns_over_in_shanghai_before_utc()
    {
        ShanghaiCalendar.Today(Instant.FromUtc(2026, 12, 31, 16, 0)).ShouldBe(new LocalDate(2027, 1, 1));
    }

    [Theory]
    [InlineData(8)]  // Monday
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)] // Sunday
    public void every_day_of_a_week_belongs_to_its_monday(int day)
    {
        ShanghaiCalendar.WeekStart(new LocalDate(2026, 6, day)).ShouldBe(new LocalDate(2026, 6, 8));
    }

    [Fact]
    public void the_next_monday_starts_a_new_week()
    {
        ShanghaiCalendar.WeekStart(new LocalDate(2026, 6, 15)).ShouldBe(new LocalDate(2026, 6, 15));
    }

    [Fact]
    public void a_week_can_start_in_the_previous_month_and_year()
    {
        // 2027-01-01 is a Friday; its week began on Monday 2026-12-28.
        ShanghaiCalendar.WeekStart(new LocalDate(2027, 1, 1)).ShouldBe(new LocalDate(2026, 12, 28));
    }

    [Fact]
    public void week_start_is_always_a_monday_no_later_than_the_date_and_at_most_six_days_before()
    {
        var date = new LocalDate(2026, 1, 1);
        for (var i = 0; i < 400; i++, date = date.PlusDays(1))
        {
            var monday = ShanghaiCalendar.WeekStart(date);
            monday.DayOfWeek.ShouldBe(IsoDayOfWeek.Monday);
            Period.DaysBetween(monday, date).ShouldBeInRange(0, 6);
        }
    }
}
