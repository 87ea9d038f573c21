using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;

namespace SalesOps.Web.Features.Incentives;

/// <summary>A contest as the form holds it while someone fills it in; <see cref="ToTerms"/> is what the server checks.</summary>
public sealed class ContestDraft
{
    public string Name { get; set; } = "";
    public ContestMetric Metric { get; set; }
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public int? TeamId { get; set; }
    public IReadOnlyList<int> RepIds { get; set; } = [];
    public string Prize { get; set; } = "";

    /// <summary>A won-revenue race from today to the end of the month, for <paramref name="teamId"/> (a manager's team).</summary>
    public static ContestDraft New(DateOnly today, int? teamId) => new()
    {
        StartsOn = today.ToDateTime(TimeOnly.MinValue),
        EndsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1).ToDateTime(TimeOnly.MinValue),
        TeamId = teamId,
    };

    public ContestTerms ToTerms() => new(
        Name, Metric, DateOnly.FromDateTime(StartsOn ?? DateTime.MinValue), DateOnly.FromDateTime(EndsOn ?? DateTime.MinValue), TeamId, RepIds, Prize);

    /// <summary>The form's own check: both dates picked, then everything <see cref="ContestRules"/> refuses.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (StartsOn is null)
        {
            errors["startsOn"] = "Pick the first day.";
        }

        if (EndsOn is null)
        {
            errors["endsOn"] = "Pick the last day.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        return ContestRules.Validate(ToTerms());
    }
}
