using SalesOps.Shared.Domain;
using SalesOps.Shared.Pipeline;

namespace SalesOps.Tests.Pipeline;

public class StalenessTests
{
    private const int Proposal = 3;
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateOnly NextMonth = Today.AddMonths(1);

    [Fact]
    public void The_median_of_an_odd_sample_is_its_middle_value()
    {
        Assert.Equal(7.0, Staleness.Median([12.0, 3.0, 7.0, 40.0, 1.0]));
    }

    [Fact]
    public void The_median_of_an_even_sample_is_the_mean_of_its_two_middle_values()
    {
        Assert.Equal(5.5, Staleness.Median([10.0, 1.0, 4.0, 7.0]));
    }

    [Fact]
    public void The_median_of_nothing_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Staleness.Median([]));
    }

    [Fact]
    public void A_deal_is_stale_only_once_its_days_in_stage_exceed_the_median_of_its_stage_and_channel()
    {
        // 1..21 days: the median stay is 11 days.
        var staleness = Staleness.FromHistory(Enumerable.Range(1, 21).Select(d => new StageStay(Proposal, SalesChannel.Field, d)));

        Assert.Equal(11.0, staleness.MedianDays(Proposal, SalesChannel.Field));
        Assert.False(staleness.IsStale(Proposal, SalesChannel.Field, 11, NextMonth, Today, closed: false));
        Assert.True(staleness.IsStale(Proposal, SalesChannel.Field, 12, NextMonth, Today, closed: false));
    }

    [Fact]
    public void Phone_and_field_deals_with_the_same_days_in_stage_are_judged_against_their_own_channel()
    {
        var staleness = Staleness.FromHistory(
            Stays(Proposal, SalesChannel.Phone, Staleness.MinimumSample, days: 10)
                .Concat(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample, days: 60)));

        Assert.True(staleness.IsStale(Proposal, SalesChannel.Phone, 30, NextMonth, Today, closed: false));
        Assert.False(staleness.IsStale(Proposal, SalesChannel.Field, 30, NextMonth, Today, closed: false));
    }

    [Fact]
    public void Medians_are_kept_per_stage()
    {
        var staleness = Staleness.FromHistory(
            Stays(1, SalesChannel.Field, Staleness.MinimumSample, days: 5)
                .Concat(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample, days: 50)));

        Assert.True(staleness.IsStale(1, SalesChannel.Field, 20, NextMonth, Today, closed: false));
        Assert.False(staleness.IsStale(Proposal, SalesChannel.Field, 20, NextMonth, Today, closed: false));
    }

    [Fact]
    public void A_channel_with_fewer_stays_than_the_minimum_sample_is_judged_against_the_stage_wide_median()
    {
        // Stage-wide: 19 × 1 day, 20 × 10 days, 20 × 60 days; the middle of the 59 stays is 10 days.
        var staleness = Staleness.FromHistory(
            Stays(Proposal, SalesChannel.Digital, Staleness.MinimumSample - 1, days: 1)
                .Concat(Stays(Proposal, SalesChannel.Phone, Staleness.MinimumSample, days: 10))
                .Concat(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample, days: 60)));

        Assert.Equal(10.0, staleness.MedianDays(Proposal, SalesChannel.Digital));
        Assert.Equal(10.0, staleness.MedianDays(Proposal, SalesChannel.Partner));
        Assert.False(staleness.IsStale(Proposal, SalesChannel.Digital, 5, NextMonth, Today, closed: false));
        Assert.True(staleness.IsStale(Proposal, SalesChannel.Digital, 11, NextMonth, Today, closed: false));
    }

    [Fact]
    public void A_channel_with_exactly_the_minimum_sample_uses_its_own_median()
    {
        var staleness = Staleness.FromHistory(
            Stays(Proposal, SalesChannel.Digital, Staleness.MinimumSample, days: 1)
                .Concat(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample * 2, days: 60)));

        Assert.Equal(1.0, staleness.MedianDays(Proposal, SalesChannel.Digital));
        Assert.True(staleness.IsStale(Proposal, SalesChannel.Digital, 5, NextMonth, Today, closed: false));
    }

    [Fact]
    public void A_stage_with_too_little_history_has_no_median_and_marks_no_in_time_deal_stale()
    {
        var staleness = Staleness.FromHistory(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample - 1, days: 1));

        Assert.Null(staleness.MedianDays(Proposal, SalesChannel.Field));
        Assert.False(staleness.IsStale(Proposal, SalesChannel.Field, 500, NextMonth, Today, closed: false));
    }

    [Fact]
    public void A_fresh_deal_past_its_expected_close_is_stale()
    {
        var staleness = Staleness.FromHistory(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample, days: 60));

        Assert.True(staleness.IsStale(Proposal, SalesChannel.Field, 0, Today.AddDays(-1), Today, closed: false));
        Assert.False(staleness.IsStale(Proposal, SalesChannel.Field, 0, Today, Today, closed: false));
    }

    [Fact]
    public void A_closed_deal_is_never_stale_however_long_or_late()
    {
        var staleness = Staleness.FromHistory(Stays(Proposal, SalesChannel.Field, Staleness.MinimumSample, days: 1));

        Assert.False(staleness.IsStale(Proposal, SalesChannel.Field, 900, Today.AddYears(-1), Today, closed: true));
    }

    [Fact]
    public void No_history_marks_only_past_due_deals_stale()
    {
        Assert.Null(Staleness.None.MedianDays(Proposal, SalesChannel.Field));
        Assert.False(Staleness.None.IsStale(Proposal, SalesChannel.Field, 10_000, NextMonth, Today, closed: false));
        Assert.True(Staleness.None.IsStale(Proposal, SalesChannel.Field, 0, Today.AddDays(-1), Today, closed: false));
        Assert.False(Staleness.None.IsStale(Proposal, SalesChannel.Field, 0, Today.AddDays(-1), Today, closed: true));
    }

    private static IEnumerable<StageStay> Stays(int stageId, SalesChannel channel, int count, double days) =>
        Enumerable.Repeat(new StageStay(stageId, channel, days), count);
}
