using SalesOps.Web.Features.Incentives;

namespace SalesOps.Web.Features.Screens;

/// <summary>
/// The wins waiting to interrupt a screen, each shown for <see cref="Duration"/> in the order they came. A win that
/// is reversed is withdrawn, even while it shows. At most <see cref="Capacity"/> wait: on a wild day the oldest go.
/// </summary>
public sealed class CelebrationLine
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);
    public const int Capacity = 5;

    private readonly List<Celebration> _waiting = [];
    private TimeSpan _shown;

    public Celebration? Current => _waiting.Count > 0 ? _waiting[0] : null;

    /// <summary>How long the current celebration still shows; zero when none.</summary>
    public TimeSpan Remaining => Current is null ? TimeSpan.Zero : Duration - _shown;

    public void Add(Celebration celebration)
    {
        if (_waiting.Any(c => c.DealId == celebration.DealId))
        {
            return;
        }

        _waiting.Add(celebration);
        if (_waiting.Count > Capacity)
        {
            // The one showing stays; the oldest waiting one makes room.
            _waiting.RemoveAt(1);
        }
    }

    /// <summary>Takes back the celebration of a deal that is no longer won.</summary>
    public void Withdraw(int dealId)
    {
        var index = _waiting.FindIndex(c => c.DealId == dealId);
        if (index < 0)
        {
            return;
        }

        _waiting.RemoveAt(index);
        if (index == 0)
        {
            _shown = TimeSpan.Zero;
        }
    }

    /// <summary>Lets time pass; returns whether what shows changed.</summary>
    public bool Elapse(TimeSpan elapsed)
    {
        var changed = false;
        _shown += elapsed;
        while (Current is not null && _shown >= Duration)
        {
            _shown -= Duration;
            _waiting.RemoveAt(0);
            changed = true;
        }

        if (Current is null)
        {
            _shown = TimeSpan.Zero;
        }

        return changed;
    }
}
