using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Pipeline;

namespace SalesOps.Bench;

/// <summary>What a case times.</summary>
public enum PipelineCall
{
    /// <summary><c>TotalsAsync</c>: count, amount and weighted amount per column over every matching deal.</summary>
    Totals,

    /// <summary><c>ReadAsync</c>: one board's first page from the database (totals + 50 cards per column), unshared.</summary>
    Read,

    /// <summary>
    /// A deal change, then <c>LoadAsync</c> on every open board at once, as each board does when the bus tells it;
    /// boards with the same scope and filter may share one read. Time until the last board has its data.
    /// </summary>
    Refresh,
}

/// <summary>One timed board call: who asks, with which filter, and what is timed.</summary>
/// <param name="Boards">For <see cref="PipelineCall.Refresh"/>: the actors of the boards open at once.</param>
public sealed record PipelineCase(string Label, PipelineCall Call, Actor Actor, BoardFilter Filter, IReadOnlyList<Actor>? Boards = null)
{
    /// <summary>The goals: filtered column totals p95 ≤ 50 ms, first board load ≤ 300 ms (also the budget of a live update).</summary>
    public LatencyGoal Goal => Call == PipelineCall.Totals ? new LatencyGoal("p95", 50) : new LatencyGoal("p95", 300);

    public string Measure => Call switch
    {
        PipelineCall.Totals => $"Column totals, {Label}",
        PipelineCall.Read => $"Board first page (totals + 6 × 50 cards), {Label}",
        _ => $"Refresh after one change: {Boards?.Count} boards reload at once, {Label}",
    };
}

/// <summary>The filters a board is used with, pointed at real teams, reps and account names of the database.</summary>
public static class PipelineCases
{
    private const decimal MinAmount = 50_000m;
    private const decimal MaxAmount = 100_000m;

    /// <param name="boards">How many open boards refresh together in the refresh cases.</param>
    public static async Task<IReadOnlyList<PipelineCase>> ForAsync(BenchDatabase database, int boards)
    {
        var team = (int)(await database.TeamWithDealsAsync(1) ?? 1);
        var rep = (int)(await database.BusiestRepAsync() ?? 1);
        var search = SearchFragment(await database.FirstAccountNameAsync());
        var teams = await database.FirstTeamsAsync(boards);
        var vp = new Actor("bench", Roles.VP);
        var manager = new Actor("bench", Roles.Manager, TeamId: team);
        var repActor = new Actor("bench", Roles.Rep, RepId: rep);
        var all = BoardFilter.Default;
        return
        [
            new("VP, no filter", PipelineCall.Totals, vp, all),
            new($"VP, team {team}", PipelineCall.Totals, vp, all with { TeamId = team }),
            new($"VP, rep {rep} (most deals)", PipelineCall.Totals, vp, all with { RepId = rep }),
            new("VP, channel Field", PipelineCall.Totals, vp, all with { Channel = SalesChannel.Field }),
            new($"VP, amount {MinAmount:N0}–{MaxAmount:N0}", PipelineCall.Totals, vp, all with { MinAmount = MinAmount, MaxAmount = MaxAmount }),
            new($"VP, search \"{search}\"", PipelineCall.Totals, vp, all with { Search = search }),
            new($"manager of team {team}, default filter", PipelineCall.Totals, manager, all),
            new($"rep {rep}, default filter", PipelineCall.Totals, repActor, all),
            new("VP, default filter", PipelineCall.Read, vp, all),
            new($"manager of team {team}, default filter", PipelineCall.Read, manager, all),
            new($"rep {rep}, default filter", PipelineCall.Read, repActor, all),
            new("all VP, default filter (one shared read)", PipelineCall.Refresh, vp, all, Enumerable.Repeat(vp, boards).ToList()),
            new($"managers of {teams.Count} different teams, default filter", PipelineCall.Refresh, manager, all,
                teams.Select(t => new Actor("bench", Roles.Manager, TeamId: (int)t)).ToList()),
        ];
    }

    /// <summary>What a user types to find an account: the first word and the start of the second ("Blue Logi").</summary>
    private static string SearchFragment(string? accountName)
    {
        var words = (accountName ?? "Account").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 ? $"{words[0]} {words[1][..Math.Min(4, words[1].Length)]}" : words[0];
    }
}
