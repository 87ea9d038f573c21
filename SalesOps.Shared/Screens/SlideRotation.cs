namespace SalesOps.Shared.Screens;

/// <summary>
/// Which slide a screen shows and for how much longer. Pure: the display feeds it elapsed time from its clock, so
/// the rules (advance, wrap, pause for a celebration and resume with the time that was left, survive an edit of the
/// playlist) are tested without timers.
/// </summary>
public sealed class SlideRotation
{
    private IReadOnlyList<TimeSpan> _durations;
    private TimeSpan _remaining;
    private bool _paused;

    /// <param name="durations">How long each slide shows, in playlist order; at least one.</param>
    public SlideRotation(IReadOnlyList<TimeSpan> durations)
    {
        Check(durations);
        _durations = durations;
        _remaining = durations[0];
    }

    public int Index { get; private set; }

    public int Count => _durations.Count;

    /// <summary>How long the current slide still shows (frozen while paused).</summary>
    public TimeSpan Remaining => _remaining;

    public bool IsPaused => _paused;

    /// <summary>Lets <paramref name="elapsed"/> pass; returns whether the slide changed. A long gap (a frozen tab)
    /// moves on by as many slides as fit in it, not one per call.</summary>
    public bool Elapse(TimeSpan elapsed)
    {
        if (_paused || elapsed <= TimeSpan.Zero)
        {
            return false;
        }

        // Whole cycles change nothing: only the remainder decides where the rotation lands.
        var cycle = _durations.Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        elapsed = TimeSpan.FromTicks(elapsed.Ticks % cycle.Ticks);
        var before = Index;
        _remaining -= elapsed;
        while (_remaining <= TimeSpan.Zero)
        {
            Index = (Index + 1) % _durations.Count;
            _remaining += _durations[Index];
        }

        return Index != before;
    }

    /// <summary>Stops the clock of the current slide (a celebration is on); <see cref="Resume"/> gives back what was left.</summary>
    public void Pause() => _paused = true;

    public void Resume() => _paused = false;

    /// <summary>
    /// The playlist was edited while showing. The same position keeps showing (with no more than its new duration
    /// left) if it still exists; otherwise the rotation starts over.
    /// </summary>
    public void Replace(IReadOnlyList<TimeSpan> durations)
    {
        Check(durations);
        _durations = durations;
        if (Index >= durations.Count)
        {
            Index = 0;
            _remaining = durations[0];
        }
        else if (_remaining > durations[Index])
        {
            _remaining = durations[Index];
        }
    }

    private static void Check(IReadOnlyList<TimeSpan> durations)
    {
        ArgumentOutOfRangeException.ThrowIfZero(durations.Count);
        if (durations.Any(d => d <= TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(durations), "Every slide shows for some time.");
        }
    }
}
