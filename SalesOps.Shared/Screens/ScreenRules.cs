using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Screens;

/// <summary>A slide as an editor sends it: every value comes from a browser and is checked by <see cref="ScreenRules"/>.</summary>
public sealed record SlideSpec(SlideKind Kind, int Seconds, int? TeamId = null, int? TerritoryId = null, string? Text = null);

/// <summary>A whole playlist as an editor saves it.</summary>
public sealed record ScreenSpec(string Name, ScreenTheme Theme, IReadOnlyList<SlideSpec> Slides);

/// <summary>The limits of a screen, checked on the server before anything is written.</summary>
public static class ScreenRules
{
    public const int MaxNameLength = 80;
    public const int MaxSlides = 20;
    public const int MinSeconds = 5;
    public const int MaxSeconds = 600;
    public const int MaxTextLength = 280;
    public const int DefaultSeconds = 15;

    /// <summary>The problems of a spec, as resource keys (empty when it is fine).</summary>
    public static IReadOnlyList<string> Problems(ScreenSpec spec)
    {
        List<string> problems = [];
        var name = spec.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            problems.Add("Screens.Error.Name");
        }

        if (!Enum.IsDefined(spec.Theme))
        {
            problems.Add("Screens.Error.Theme");
        }

        if (spec.Slides is null || spec.Slides.Count is 0 or > MaxSlides)
        {
            problems.Add("Screens.Error.SlideCount");
            return problems;
        }

        foreach (var slide in spec.Slides)
        {
            if (!Enum.IsDefined(slide.Kind))
            {
                problems.Add("Screens.Error.Kind");
            }

            if (slide.Seconds is < MinSeconds or > MaxSeconds)
            {
                problems.Add("Screens.Error.Seconds");
            }

            if (slide.Text is { Length: > MaxTextLength } || (slide.Kind == SlideKind.Text && string.IsNullOrWhiteSpace(slide.Text)))
            {
                problems.Add("Screens.Error.Text");
            }
        }

        return problems.Distinct().ToList();
    }
}
