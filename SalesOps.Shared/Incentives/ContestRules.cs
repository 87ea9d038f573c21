using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Incentives;

public enum ContestStatus { Upcoming, Running, Ended }

/// <summary>A contest as someone proposes it, before it is checked and stored.</summary>
/// <param name="TeamId">The team whose reps compete; null for the whole company (or the named reps only).</param>
/// <param name="RepIds">Named participants; empty means every active rep of the team (or of the company).</param>
public sealed record ContestTerms(string Name, ContestMetric Metric, DateOnly StartsOn, DateOnly EndsOn, int? TeamId, IReadOnlyList<int> RepIds, string Prize);

/// <summary>
/// The calendar and the limits of sales contests. A contest runs from the first moment of <c>StartsOn</c> to the last
/// moment of <c>EndsOn</c>, both days included, in the viewer's time zone; it ends at midnight after <c>EndsOn</c>. Its
/// winner is whoever ranks first when it ends (several on a tie), provided they scored at all.
/// </summary>
public static class ContestRules
{
    public const int MaxNameLength = 120;
    public const int MaxPrizeLength = 300;
    public const int MaxParticipants = 500;

    /// <summary>Contests are sprints and races, not standing leaderboards: a year at most.</summary>
    public const int MaxDays = 366;

    public static ContestStatus StatusOn(DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        today < startsOn ? ContestStatus.Upcoming : today > endsOn ? ContestStatus.Ended : ContestStatus.Running;

    /// <summary>The instant a contest starts: midnight at the start of <paramref name="startsOn"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartsAt(DateOnly startsOn, TimeZoneInfo zone) => Midnight(startsOn, zone);

    /// <summary>The instant a contest ends: midnight at the end of <paramref name="endsOn"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset EndsAt(DateOnly endsOn, TimeZoneInfo zone) => Midnight(endsOn.AddDays(1), zone);

    /// <summary>Time left until <paramref name="endsAt"/>, never negative.</summary>
    public static TimeSpan Remaining(DateTimeOffset endsAt, DateTimeOffset now) => endsAt > now ? endsAt - now : TimeSpan.Zero;

    /// <summary>The reps ranked first who scored something: one, several on a tie, or none when nobody scored.</summary>
    public static IReadOnlyList<LeaderboardRow> Winners(IReadOnlyList<LeaderboardRow> ranked) =>
        ranked.Where(r => r.Rank == 1 && r.Value > 0).ToList();

    /// <summary>
    /// Refuses a contest that could not be run fairly. Errors are keyed by the field a form shows them on:
    /// <c>name</c>, <c>prize</c>, <c>metric</c>, <c>startsOn</c>, <c>endsOn</c>, <c>repIds</c>. One message per field.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Validate(ContestTerms contest)
    {
        var errors = new Dictionary<string, string>();
        void Refuse(string field, string message) => errors.TryAdd(field, message);

        if (string.IsNullOrWhiteSpace(contest.Name))
            Refuse("name", "The contest needs a name.");
        else if (contest.Name.Length > MaxNameLength)
            Refuse("name", $"A name has at most {MaxNameLength} characters.");
        if (string.IsNullOrWhiteSpace(contest.Prize))
            Refuse("prize", "Say what the winner gets.");
        else if (contest.Prize.Length > MaxPrizeLength)
            Refuse("prize", $"A prize has at most {MaxPrizeLength} characters.");
        if (!Enum.IsDefined(contest.Metric))
            Refuse("metric", "Unknown metric.");
        if (contest.StartsOn.Year is < 2000 or > 2100)
            Refuse("startsOn", "The start date is out of range.");
        if (contest.EndsOn < contest.StartsOn)
            Refuse("endsOn", "The contest cannot end before it starts.");
        else if (contest.EndsOn.DayNumber - contest.StartsOn.DayNumber + 1 > MaxDays)
            Refuse("endsOn", $"A contest runs {MaxDays} days at most.");
        if (contest.RepIds.Count > MaxParticipants)
            Refuse("repIds", $"Name at most {MaxParticipants} participants, or pick a team.");
        else if (contest.RepIds.Distinct().Count() != contest.RepIds.Count)
            Refuse("repIds", "A participant is named twice.");
        return errors;
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips midnight, the day starts at the first minute that exists.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
