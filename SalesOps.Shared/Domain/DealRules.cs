namespace SalesOps.Shared.Domain;

/// <summary>Bounds every deal value must respect, whoever sends it (a browser, a CRM, an import).</summary>
public static class DealRules
{
    public const decimal MaxAmount = 10_000_000_000m;
    public const int MaxNameLength = 200;
    public const int MaxLostReasonLength = 500;
    public const int MaxExternalIdLength = 100;

    /// <summary>Field name → message for each broken rule; empty when the values are acceptable.</summary>
    public static Dictionary<string, string[]> Validate(string? name, decimal? amount, int? probability, DateOnly? expectedClose, string? lostReason)
    {
        var errors = new Dictionary<string, string[]>();
        if (name is not null && (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength))
        {
            errors["name"] = [$"The name must be 1–{MaxNameLength} characters."];
        }

        if (amount is { } a && (a < 0 || a > MaxAmount))
        {
            errors["amount"] = [a < 0 ? "The amount cannot be negative." : $"The amount cannot exceed {MaxAmount:N0}."];
        }

        if (amount is { } cents && decimal.Round(cents, 2) != cents)
        {
            errors["amount"] = ["The amount can have at most two decimals."];
        }

        if (probability is { } p && (p < 0 || p > 100))
        {
            errors["probability"] = ["The probability is a percentage from 0 to 100."];
        }

        if (expectedClose is { } d && (d.Year < 2000 || d.Year > 2100))
        {
            errors["expectedClose"] = ["The expected close date must fall between 2000 and 2100."];
        }

        if (lostReason is { Length: > MaxLostReasonLength })
        {
            errors["lostReason"] = [$"The lost reason can have at most {MaxLostReasonLength} characters."];
        }

        return errors;
    }

    /// <summary>
    /// Why a deal in <paramref name="stage"/> cannot be put in <paramref name="category"/>, or null when it can:
    /// Closed belongs to won deals only, and a closed deal's category follows its outcome.
    /// </summary>
    public static string? ForecastCategoryError(Stage stage, ForecastCategory category)
    {
        if (!Enum.IsDefined(category))
        {
            return $"The forecast category is one of {string.Join(", ", Enum.GetNames<ForecastCategory>())}.";
        }

        if (stage.IsClosed)
        {
            var outcome = DefaultForecastCategory(stage, stage.DefaultProbability);
            return category == outcome ? null : $"A deal in {stage.Name} is in forecast category {outcome}; it follows the outcome.";
        }

        return category == ForecastCategory.Closed
            ? "Closed is only for won deals; an open deal is Pipeline, BestCase, Commit or Omitted."
            : null;
    }

    /// <summary>The forecast category a deal falls in by its stage and probability, as most CRMs default it.</summary>
    public static ForecastCategory DefaultForecastCategory(Stage stage, int probability) => stage switch
    {
        { IsWon: true } => ForecastCategory.Closed,
        { IsLost: true } => ForecastCategory.Omitted,
        _ when probability >= 75 => ForecastCategory.Commit,
        _ when probability >= 50 => ForecastCategory.BestCase,
        _ => ForecastCategory.Pipeline,
    };
}
