namespace SalesOps.Shared.Domain;

/// <summary>What a wall-screen slide shows; each kind reuses the numbers of an existing page.</summary>
public enum SlideKind { Kpis, PipelineTotals, Leaderboard, WonTicker, Text, ContestStandings, TerritoryMap }

public enum ScreenTheme { Dark, Light }

/// <summary>
/// A wall screen: a named playlist of slides that TVs open with a display link. Only the SHA-256 of the link's
/// token is stored; revoking clears it, so every TV showing the screen goes blank.
/// </summary>
public class Screen : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ScreenTheme Theme { get; set; }

    /// <summary>SHA-256 (hex) of the display token; null once revoked.</summary>
    public string? TokenHash { get; set; }

    public DateTime? TokenCreatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public List<ScreenSlide> Slides { get; set; } = [];
}

/// <summary>One slide of a screen's playlist, shown for <see cref="Seconds"/> in <see cref="Position"/> order.</summary>
public class ScreenSlide
{
    public int Id { get; set; }
    public int ScreenId { get; set; }
    public int Position { get; set; }
    public SlideKind Kind { get; set; }
    public int Seconds { get; set; }

    /// <summary>Narrows the slide's numbers to one team; null for the whole company.</summary>
    public int? TeamId { get; set; }

    /// <summary>Narrows the slide's numbers to one territory; null for every territory.</summary>
    public int? TerritoryId { get; set; }

    /// <summary>The announcement of a text slide (or a title over the others).</summary>
    public string? Text { get; set; }
}
