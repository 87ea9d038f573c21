using Microsoft.Extensions.Localization;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Resources;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>
/// What a refused deal change means, in the user's language. The service's own messages are English, for the
/// API and the logs; screens say it with these.
/// </summary>
public static class DealOutcomeText
{
    public static string Describe(IStringLocalizer<Strings> l, DealOutcome outcome) => outcome.Status switch
    {
        DealOutcomeStatus.Conflict => l["Deal.Conflict", outcome.ChangedBy ?? l["Deal.SomeoneElse"], l.Stage(outcome.Deal?.Stage ?? "?")],
        DealOutcomeStatus.Forbidden => l["Deal.Forbidden"],
        DealOutcomeStatus.NotFound => l["Deal.NotFound"],
        DealOutcomeStatus.Invalid => string.Join(" ", outcome.Errors!.Keys.Select(field => Field(l, field, outcome.Errors[field]))),
        _ => l["Pipeline.Saved"],
    };

    /// <summary>The localized message for a field the service refused, or the service's own when none is known.</summary>
    public static string Field(IStringLocalizer<Strings> l, string field, IEnumerable<string> serviceMessages)
    {
        var text = l["Validation." + field];
        return text.ResourceNotFound ? string.Join(" ", serviceMessages) : text.Value;
    }
}
