using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;

namespace SalesOps.Tests.Incentives;

public class ContestRulesTests
{
    private static readonly TimeZoneInfo Bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");
    private static readonly DateOnly December1 = new(2026, 12, 1);
    private static readonly DateOnly NewYearsEve = new(2026, 12, 31);

    private static ContestTerms Valid() =>
        new("December deal sprint", ContestMetric.DealsWon, December1, NewYearsEve, null, [], "Team dinner");

    [Theory]
    [InlineData("2026-11-30", ContestStatus.Upcoming)]
    [InlineData("2026-12-01", ContestStatus.Running)]
    [InlineData("2026-12-31", ContestStatus.Running)]
    [InlineData("2027-01-01", ContestStatus.Ended)]
    public void A_contest_runs_from_its_first_day_through_its_last_both_included(string today, ContestStatus expected) =>
        Assert.Equal(expected, ContestRules.StatusOn(December1, NewYearsEve, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_contest_ending_on_new_years_eve_ends_at_local_midnight_and_counts_down_to_it()
    {
        var endsAt = ContestRules.EndsAt(NewYearsEve, Bucharest);

        // Midnight in Bucharest (UTC+2 in winter) is 22:00 UTC on the 31st.
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero), endsAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromSeconds(30), ContestRules.Remaining(endsAt, new DateTimeOffset(2026, 12, 31, 21, 59, 30, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.Zero, ContestRules.Remaining(endsAt, endsAt));
        Assert.Equal(TimeSpan.Zero, ContestRules.Remaining(endsAt, endsAt.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero), ContestRules.StartsAt(December1, Bucharest).ToUniversalTime());
    }

    [Fact]
    public void A_contest_ending_before_a_clock_change_ends_at_that_nights_midnight_in_summer_time()
    {
        // Summer time starts on 29 March 2026 at 03:00 in Bucharest: the 28th still ends at 22:00 UTC, the 29th at 21:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), ContestRules.EndsAt(new DateOnly(2026, 3, 28), Bucharest).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 21, 0, 0, TimeSpan.Zero), ContestRules.EndsAt(new DateOnly(2026, 3, 29), Bucharest).ToUniversalTime());
    }

    [Fact]
    public void Standings_share_ranks_on_ties_and_every_rep_tied_first_wins()
    {
        var rows = LeaderboardRanking.Rank(
        [
            new(1, "Ada", 0m, 4),
            new(2, "Bea", 0m, 4),
            new(3, "Cole", 0m, 3),
            new(4, "Dana", 0m, 1),
        ], LeaderboardRanking.For(ContestMetric.DealsWon));

        Assert.Equal([1, 1, 3, 4], rows.Select(r => r.Rank!.Value));
        Assert.Equal([1, 2], ContestRules.Winners(rows).Select(w => w.RepId));
    }

    [Fact]
    public void Nobody_wins_a_contest_nobody_scored_in_and_a_rep_without_a_quota_cannot_win_on_attainment()
    {
        var none = LeaderboardRanking.Rank([new(1, "Ada", 0m, 0), new(2, "Bea", 0m, 0)], LeaderboardMetric.WonRevenue);
        Assert.All(none, r => Assert.Equal(1, r.Rank));
        Assert.Empty(ContestRules.Winners(none));

        var attainment = LeaderboardRanking.Rank(
            [new(1, "Ada", 90_000m, 2, Quota: 0m), new(2, "Bea", 60_000m, 1, Quota: 100_000m)], LeaderboardRanking.For(ContestMetric.Attainment));
        Assert.Equal(60m, Assert.Single(ContestRules.Winners(attainment)).Value);
        Assert.Equal(2, ContestRules.Winners(attainment)[0].RepId);
    }

    [Fact]
    public void A_sound_contest_passes()
    {
        Assert.Empty(ContestRules.Validate(Valid()));
        Assert.Empty(ContestRules.Validate(Valid() with { StartsOn = NewYearsEve }));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("prize")]
    [InlineData("endsOn")]
    [InlineData("metric")]
    [InlineData("repIds")]
    public void A_bad_contest_is_refused_with_the_field_named(string field)
    {
        var contest = field switch
        {
            "name" => Valid() with { Name = "  " },
            "prize" => Valid() with { Prize = new string('x', ContestRules.MaxPrizeLength + 1) },
            "endsOn" => Valid() with { EndsOn = December1.AddDays(-1) },
            "metric" => Valid() with { Metric = (ContestMetric)42 },
            _ => Valid() with { RepIds = [3, 5, 3] },
        };

        var errors = ContestRules.Validate(contest);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_contest_longer_than_a_year_or_with_too_many_named_reps_is_refused()
    {
        Assert.Contains("endsOn", ContestRules.Validate(Valid() with { EndsOn = December1.AddDays(ContestRules.MaxDays) }).Keys);
        Assert.Empty(ContestRules.Validate(Valid() with { EndsOn = December1.AddDays(ContestRules.MaxDays - 1) }));
        Assert.Contains("repIds", ContestRules.Validate(Valid() with { RepIds = Enumerable.Range(1, ContestRules.MaxParticipants + 1).ToList() }).Keys);
    }

    [Theory]
    [InlineData("Analyst", null, null, true)]
    [InlineData("VP", 3, null, true)]
    [InlineData("Admin", null, null, true)]
    [InlineData("Manager", 2, 2, true)]
    [InlineData("Manager", 2, 3, false)]
    [InlineData("Manager", 2, null, false)]
    [InlineData("Rep", 2, 2, false)]
    [InlineData("Integration", null, null, false)]
    public void Ops_run_contests_for_anyone_and_a_manager_for_their_own_team_only(string role, int? actorTeam, int? contestTeam, bool allowed) =>
        Assert.Equal(allowed, new SalesOps.Shared.Access.Actor("someone", role, TeamId: actorTeam).CanRunContest(contestTeam));
}
