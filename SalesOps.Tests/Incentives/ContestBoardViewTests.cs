using Bunit;
using Microsoft.AspNetCore.Components;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

/// <summary>The contest board, its countdown and the new-contest form, rendered without the app.</summary>
public class ContestBoardViewTests : BunitTest
{
    private static readonly DateOnly Today = TestClock.Today;

    // A page as the server first renders it; the countdown test makes it interactive.
    public ContestBoardViewTests() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    private static ContestBoard Board(ContestStatus status, params (int RepId, string Name, decimal Won, int? Rank)[] reps)
    {
        var contest = new ContestSummary(4, "Holiday revenue race", ContestMetric.WonRevenue, Today.AddDays(-3), Today.AddDays(3), null, null, 0, "A weekend in Lisbon", status);
        var entries = reps.Select(r => new LeaderboardEntry(new LeaderboardRow(r.RepId, r.Name, r.Rank, r.Won, 0), 1, "East Field", r.Won, 1, 0)).ToList();
        var standings = new Leaderboard(TestClock.Start.UtcDateTime, new Period(contest.StartsOn, contest.EndsOn), LeaderboardMetric.WonRevenue, entries);
        var winners = status == ContestStatus.Ended ? ContestRules.Winners(entries.Select(e => e.Row).ToList()).Select(w => entries.First(e => e.RepId == w.RepId)).ToList() : [];
        return new ContestBoard(contest, standings, winners);
    }

    [Fact]
    public void A_running_contest_shows_its_standings_with_exact_values_and_ranks_and_counts_down_to_midnight_after_its_last_day()
    {
        var cut = Render<ContestBoardView>(p => p
            .Add(v => v.Board, Board(ContestStatus.Running, (7, "Robert Chen", 120_500.25m, 1), (8, "Ana Pop", 90_000m, 2), (9, "Ion Ilie", 90_000m, 2)))
            .Add(v => v.Zone, TimeZoneInfo.Utc));

        var rows = cut.FindAll("li[data-rep-id]");
        Assert.Equal(["7", "8", "9"], rows.Select(r => r.GetAttribute("data-rep-id")));
        Assert.Equal(["1", "2", "2"], rows.Select(r => r.GetAttribute("data-rank")));
        Assert.Equal("120500.25", rows[0].GetAttribute("data-value"));
        Assert.Equal("Running", cut.Find("[data-contest-id='4']").GetAttribute("data-contest-status"));
        // Now is midday; the last day is three days on, so midnight after it is 3 days and 12 hours away.
        var countdown = cut.Find("[data-remaining-seconds]");
        Assert.Equal((3 * 86_400 + 12 * 3_600).ToString(System.Globalization.CultureInfo.InvariantCulture), countdown.GetAttribute("data-remaining-seconds"));
        Assert.Contains("Ends in 3d 12:00:00", countdown.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=contest-winner]"));
        Assert.Contains("A weekend in Lisbon", cut.Find("[data-testid=contest-prize]").TextContent);
    }

    [Fact]
    public void An_ended_contest_names_its_winner_and_a_tie_for_first_names_both()
    {
        var single = Render<ContestBoardView>(p => p
            .Add(v => v.Board, Board(ContestStatus.Ended, (7, "Robert Chen", 120_000m, 1), (8, "Ana Pop", 90_000m, 2)))
            .Add(v => v.Zone, TimeZoneInfo.Utc));
        Assert.Equal("7", single.Find("[data-testid=contest-winner]").GetAttribute("data-winner-rep-ids"));
        Assert.Contains("Winner: Robert Chen", single.Find("[data-testid=contest-winner]").TextContent);

        var tie = Render<ContestBoardView>(p => p
            .Add(v => v.Board, Board(ContestStatus.Ended, (7, "Robert Chen", 90_000m, 1), (8, "Ana Pop", 90_000m, 1), (9, "Ion Ilie", 10m, 3)))
            .Add(v => v.Zone, TimeZoneInfo.Utc));
        Assert.Equal("7,8", tie.Find("[data-testid=contest-winner]").GetAttribute("data-winner-rep-ids"));
        Assert.Contains("Winners (tied): Robert Chen, Ana Pop", tie.Find("[data-testid=contest-winner]").TextContent);
    }

    [Fact]
    public void The_countdown_says_when_the_contest_ends_so_the_page_can_name_the_winner()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var changes = 0;
        var cut = Render<ContestCountdown>(p => p
            .Add(c => c.StartsAt, TestClock.Start.AddDays(-1))
            .Add(c => c.EndsAt, TestClock.Start.AddSeconds(5))
            .Add(c => c.OnPhaseChanged, () => changes++));
        Assert.Equal("Running", cut.Find("[data-countdown-state]").GetAttribute("data-countdown-state"));
        Assert.Equal("5", cut.Find("[data-countdown-state]").GetAttribute("data-remaining-seconds"));

        Clock.Advance(TimeSpan.FromSeconds(6));

        cut.WaitForAssertion(() => Assert.Equal("Ended", cut.Find("[data-countdown-state]").GetAttribute("data-countdown-state")));
        Assert.Equal(1, changes);
        Assert.Equal("0", cut.Find("[data-countdown-state]").GetAttribute("data-remaining-seconds"));
    }

    [Fact]
    public void The_new_contest_form_names_each_problem_on_its_field_and_saves_only_a_sound_contest()
    {
        var draft = ContestDraft.New(Today, null);
        ContestDraft? saved = null;
        var cut = Render<ContestEditor>(p => p
            .Add(e => e.Draft, draft)
            .Add(e => e.Choices, new ContestChoices([], []))
            .Add(e => e.CompanyWide, true)
            .Add(e => e.OnSave, (ContestDraft d) => saved = d));

        Assert.True(cut.Find("[data-testid=save-contest]").HasAttribute("disabled"));
        Assert.Contains("The contest needs a name.", cut.Markup);
        Assert.Contains("Say what the winner gets.", cut.Markup);

        draft.Name = "Sprint";
        draft.Prize = "Dinner";
        draft.EndsOn = draft.StartsOn!.Value.AddDays(-1);
        cut.Render();
        Assert.Contains("The contest cannot end before it starts.", cut.Markup);
        Assert.DoesNotContain("The contest needs a name.", cut.Markup);
        Assert.True(cut.Find("[data-testid=save-contest]").HasAttribute("disabled"));

        draft.EndsOn = draft.StartsOn.Value.AddDays(6);
        cut.Render();
        Assert.False(cut.Find("[data-testid=save-contest]").HasAttribute("disabled"));
        cut.Find("[data-testid=save-contest]").Click();
        Assert.Same(draft, saved);
        Assert.Equal(Today.AddDays(6), saved!.ToTerms().EndsOn);
    }

    [Fact]
    public void The_new_contest_form_shows_what_the_server_refused_on_its_field()
    {
        var draft = ContestDraft.New(Today, 2);
        draft.Name = "Sprint";
        draft.Prize = "Dinner";
        var cut = Render<ContestEditor>(p => p
            .Add(e => e.Draft, draft)
            .Add(e => e.Choices, new ContestChoices([new(2, "East Field")], [new(7, "Robert Chen", 2, "East Field"), new(9, "Ion Ilie", 3, "West")]))
            .Add(e => e.ServerErrors, new Dictionary<string, string> { ["repIds"] = "Rep 9 is not in the team." }));

        Assert.Contains("Rep 9 is not in the team.", cut.Markup);
        Assert.True(cut.Find("[data-testid=save-contest]").HasAttribute("disabled"));
    }
}

/// <summary>The comp plan editor refuses bad plans on the field that is wrong, before anything reaches the server.</summary>
public class PlanEditorValidationTests : BunitTest
{
    private static PlanDraft Draft() => new()
    {
        Name = "FY27 field plan",
        EffectiveFrom = new DateTime(2027, 1, 1),
        Tiers = [new() { Threshold = 0, RatePercent = 2 }, new() { Threshold = 50, RatePercent = 5 }, new() { Threshold = 100, RatePercent = 8 }],
    };

    private IRenderedComponent<PlanEditor> Editor(PlanDraft draft) => Render<PlanEditor>(p => p.Add(e => e.Draft, draft));

    [Fact]
    public void A_sound_plan_previews_and_can_be_saved()
    {
        var cut = Editor(Draft());

        Assert.False(cut.Find("[data-testid=save-plan]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=plan-invalid]"));
        // 100% of the sample quota of 100,000 pays 1,000 + 2,500 at the marginal rates.
        Assert.Equal(3_500m, decimal.Parse(cut.Find("[data-preview-attainment='100']").GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("unordered", "Tiers must be in order: this one starts below the previous tier")]
    [InlineData("overlapping", "both start at 50%.")]
    [InlineData("negative", "A rate cannot be negative.")]
    [InlineData("spif", "A SPIF needs an end date.")]
    [InlineData("name", "The plan needs a name.")]
    public void A_bad_plan_shows_its_problem_and_cannot_be_saved(string problem, string message)
    {
        var draft = Draft();
        switch (problem)
        {
            case "unordered": draft.Tiers[2].Threshold = 40; break;
            case "overlapping": draft.Tiers[2].Threshold = 50; break;
            case "negative": draft.Tiers[1].RatePercent = -1; break;
            case "spif": draft.Spifs.Add(new() { Name = "Launch", BonusPerDeal = 500, From = new DateTime(2027, 1, 1) }); break;
            default: draft.Name = ""; break;
        }

        var cut = Editor(draft);

        Assert.Contains(message, cut.Markup);
        Assert.True(cut.Find("[data-testid=save-plan]").HasAttribute("disabled"));
        Assert.NotNull(cut.Find("[data-testid=plan-invalid]"));
    }
}
