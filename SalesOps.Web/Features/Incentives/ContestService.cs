using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Pipeline;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Incentives;

/// <param name="TeamName">Null for a company-wide contest.</param>
/// <param name="Participants">Named participants; 0 when the team (or everyone) takes part.</param>
public sealed record ContestSummary(
    int Id, string Name, ContestMetric Metric, DateOnly StartsOn, DateOnly EndsOn, int? TeamId, string? TeamName, int Participants, string Prize, ContestStatus Status);

/// <summary>A contest with its live standings; <see cref="Winners"/> is filled once it has ended.</summary>
public sealed record ContestBoard(ContestSummary Contest, Leaderboard Standings, IReadOnlyList<LeaderboardEntry> Winners);

/// <summary>Who can be put in a contest by the person creating it.</summary>
public sealed record ContestChoices(IReadOnlyList<FilterChoice> Teams, IReadOnlyList<ContestRep> Reps);

public sealed record ContestRep(int Id, string Name, int TeamId, string Team);

public enum ContestSaveStatus { Saved, Invalid, Refused }

public sealed record ContestSaveResult(ContestSaveStatus Status, int? Id = null, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>
/// Sales contests. Every signed-in user reads every contest and its standings (per-rep aggregates only, like the
/// leaderboard, which ranks them). Ops (analysts, VPs, admins) create contests for anyone, a manager only for their
/// own team; that is checked here on every create, whatever the page offered, with each problem named by its field.
/// Standings are the leaderboard's, read with the contest as its filter, so ties and movement are the same.
/// </summary>
public sealed partial class ContestService(
    IDbContextFactory<SalesOpsDbContext> factory, LeaderboardService leaderboards, LiveWriter writer, ILogger<ContestService> logger)
{
    /// <summary>Whether the actor may create any contest at all (the page shows the form only then).</summary>
    public static bool MayCreate(Actor actor) => actor.CanRunContest(null) || actor.CanRunContest(actor.TeamId);

    public async Task<IReadOnlyList<ContestSummary>> ListAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var contests = await db.Contests.AsNoTracking().OrderByDescending(c => c.EndsOn).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return contests.Select(c => Summary(c, teams, today)).ToList();
    }

    /// <summary>The contest and its standings as of now; null when there is no such contest.</summary>
    public async Task<ContestBoard?> BoardAsync(int id, DateOnly today, CancellationToken cancellationToken = default)
    {
        ContestSummary summary;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (contest is null)
            {
                return null;
            }

            var teams = await db.Teams.AsNoTracking().Where(t => t.Id == contest.TeamId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            summary = Summary(contest, teams, today);
        }

        var standings = await leaderboards.LoadAsync(new LeaderboardFilter(ContestId: id), today, cancellationToken);
        var winners = summary.Status == ContestStatus.Ended
            ? ContestRules.Winners(standings.Entries.Select(e => e.Row).ToList()).Select(w => standings.Entries.First(e => e.RepId == w.RepId)).ToList()
            : [];
        return new ContestBoard(summary, standings, winners);
    }

    /// <summary>
    /// The contest a wall screen shows: the one running today for the slide's team (or company-wide without one)
    /// that ends soonest; else the one that ended last. Null when there is none.
    /// </summary>
    public async Task<ContestBoard?> ForScreenAsync(int? teamId, DateOnly today, CancellationToken cancellationToken = default)
    {
        int? id;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var candidates = db.Contests.AsNoTracking().Where(c => c.TeamId == teamId && c.StartsOn <= today);
            id = await candidates.Where(c => c.EndsOn >= today).OrderBy(c => c.EndsOn).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await candidates.OrderByDescending(c => c.EndsOn).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return id is { } found ? await BoardAsync(found, today, cancellationToken) : null;
    }

    /// <summary>The teams and reps the actor may put in a contest: all for ops, their own team's for a manager.</summary>
    public async Task<ContestChoices> ChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        var reps = await db.Reps.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.TeamId, Team = r.Team!.Name }).ToListAsync(cancellationToken);
        return new ContestChoices(
            teams.Where(t => actor.CanRunContest(t.Id)).ToList(),
            reps.Where(r => actor.CanRunContest(r.TeamId)).Select(r => new ContestRep(r.Id, r.Name, r.TeamId, r.Team)).ToList());
    }

    public async Task<ContestSaveResult> CreateAsync(Actor actor, ContestTerms terms, CancellationToken cancellationToken = default)
    {
        if (!actor.CanRunContest(terms.TeamId))
        {
            ContestLog.Refused(logger, actor.Name, actor.Role, terms.TeamId);
            return new ContestSaveResult(ContestSaveStatus.Refused, Errors: new Dictionary<string, string>
            {
                ["teamId"] = MayCreate(actor) ? "You run contests for your own team only." : "You do not run contests.",
            });
        }

        var errors = ContestRules.Validate(terms);
        if (errors.Count > 0)
        {
            return new ContestSaveResult(ContestSaveStatus.Invalid, Errors: errors);
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            if (terms.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            {
                return Invalid("teamId", $"No such team: {teamId}.");
            }

            var repIds = terms.RepIds.ToList();
            var reps = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id) && r.Active).Select(r => new { r.Id, r.TeamId }).ToListAsync(cancellationToken);
            if (repIds.Except(reps.Select(r => r.Id)).ToList() is { Count: > 0 } unknown)
            {
                return Invalid("repIds", $"No such active rep: {string.Join(", ", unknown)}.");
            }

            if (terms.TeamId is { } team && reps.FirstOrDefault(r => r.TeamId != team) is { } outsider)
            {
                return Invalid("repIds", $"Rep {outsider.Id} is not in the contest's team.");
            }

            var contest = new Contest
            {
                Name = terms.Name.Trim(),
                Metric = terms.Metric,
                StartsOn = terms.StartsOn,
                EndsOn = terms.EndsOn,
                TeamId = terms.TeamId,
                RepIds = repIds,
                Prize = terms.Prize.Trim(),
                CreatedBy = actor.Name,
            };
            db.Contests.Add(contest);
            await db.SaveChangesAsync(cancellationToken);
            changes.Audit(actor.Name, nameof(Contest), contest.Id, "created", null,
                new { contest.Name, contest.Metric, contest.StartsOn, contest.EndsOn, contest.TeamId, contest.RepIds, contest.Prize });
            changes.Publish(IncentiveEvents.ContestChanged, contest.Id, contest.TeamId, null, null);
            return new ContestSaveResult(ContestSaveStatus.Saved, contest.Id);
        }, cancellationToken);
    }

    private static ContestSaveResult Invalid(string field, string message) =>
        new(ContestSaveStatus.Invalid, Errors: new Dictionary<string, string> { [field] = message });

    private static ContestSummary Summary(Contest c, IReadOnlyDictionary<int, string> teams, DateOnly today) => new(
        c.Id, c.Name, c.Metric, c.StartsOn, c.EndsOn, c.TeamId, c.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
        c.RepIds.Count, c.Prize, ContestRules.StatusOn(c.StartsOn, c.EndsOn, today));
}

internal static partial class ContestLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Actor} ({Role}) a contest for team {TeamId}")]
    public static partial void Refused(ILogger logger, string actor, string role, int? teamId);
}
