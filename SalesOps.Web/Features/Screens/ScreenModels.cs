using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;

namespace SalesOps.Web.Features.Screens;

/// <summary>A screen in the list of <c>/screens</c>.</summary>
/// <param name="DemoToken">The demo screen's display token, for admins only; every other token is shown once.</param>
public sealed record ScreenSummary(int Id, string Name, ScreenTheme Theme, int SlideCount, bool HasToken, DateTime? TokenCreatedAt, bool CanManage, string? DemoToken);

/// <summary>A screen as its editor loads it.</summary>
public sealed record ScreenDraft(int Id, int Version, ScreenSpec Spec);

/// <summary>What a TV needs to show a screen: read by token, never with a user.</summary>
public sealed record ScreenPlaylist(int Id, string Name, ScreenTheme Theme, int Version, IReadOnlyList<SlideSpec> Slides);

/// <summary>The outcome of a change to a screen; <see cref="Token"/> is set once, when a display link is made.</summary>
/// <param name="Error">A resource key saying why nothing was written.</param>
public sealed record ScreenResult(bool Succeeded, int? Id = null, string? Token = null, string? Error = null)
{
    public static ScreenResult Fail(string error) => new(false, Error: error);
}

/// <summary>The teams and territories an editor may filter slides by.</summary>
public sealed record ScreenChoices(IReadOnlyList<Pipeline.FilterChoice> Teams, IReadOnlyList<Pipeline.FilterChoice> Territories)
{
    public static readonly ScreenChoices Empty = new([], []);
}

/// <summary>The deal stage changes a display missed, oldest first, and the newest live event there is.</summary>
public sealed record MissedChanges(long Latest, IReadOnlyList<LiveEvent> StageChanges);
