using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SalesOps.Web.Features.Screens;

/// <summary>One open display as the fleet view lists it.</summary>
/// <param name="Key">The display circuit's id: what "reload" is addressed to.</param>
public sealed record DisplayStatus(
    string Key, int ScreenId, string ScreenName, string? ClientAddress, DateTime ConnectedAt, DateTime LastHeartbeat,
    int SlideIndex, string SlideKind, bool Online);

/// <summary>
/// The displays open on this server right now: who is online (its circuit's connection is up), when it last
/// beat, which slide it shows, from which address. Presence lives only in memory — it is not data users change,
/// so it does not go through the live-event log; the fleet view hears <see cref="Changed"/> instead.
/// </summary>
public sealed class ScreenFleet(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DisplayStatus Status, Func<Task> Reload)> _displays = new();

    /// <summary>Raised after any display joins, beats, changes slide, drops or leaves. Handlers must not block.</summary>
    public event Action? Changed;

    public IReadOnlyList<DisplayStatus> Displays => _displays.Values.Select(d => d.Status).OrderBy(d => d.ScreenName).ThenBy(d => d.ConnectedAt).ToList();

    public void Join(string key, int screenId, string screenName, string? clientAddress, Func<Task> reload)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _displays[key] = (new DisplayStatus(key, screenId, screenName, clientAddress, now, now, 0, "", true), reload);
        Changed?.Invoke();
    }

    public void Beat(string key, int slideIndex, string slideKind) =>
        Update(key, s => s with { LastHeartbeat = clock.GetUtcNow().UtcDateTime, SlideIndex = slideIndex, SlideKind = slideKind, Online = true });

    public void Connection(string key, bool up, string? clientAddress) =>
        Update(key, s => s with { Online = up, ClientAddress = clientAddress ?? s.ClientAddress, LastHeartbeat = up ? clock.GetUtcNow().UtcDateTime : s.LastHeartbeat });

    public void Leave(string key)
    {
        if (_displays.TryRemove(key, out _))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Asks one display to reload its page; false when it is not open here.</summary>
    public async Task<bool> ReloadAsync(string key)
    {
        if (!_displays.TryGetValue(key, out var display))
        {
            return false;
        }

        await display.Reload();
        return true;
    }

    private void Update(string key, Func<DisplayStatus, DisplayStatus> change)
    {
        while (_displays.TryGetValue(key, out var current))
        {
            if (_displays.TryUpdate(key, (change(current.Status), current.Reload), current))
            {
                Changed?.Invoke();
                return;
            }
        }
    }
}

/// <summary>
/// Follows the connection of every circuit and, for the ones showing a display, tells the fleet when it goes down
/// or comes back and from which address (the connection's, read when it comes up).
/// </summary>
public sealed class DisplayCircuit(ScreenFleet fleet, IHttpContextAccessor http) : CircuitHandler
{
    private string? _key;

    public string? ClientAddress { get; private set; }

    /// <summary>Set by the display page: this circuit shows a screen and reports to the fleet under this key.</summary>
    public string Key => _key ??= Guid.NewGuid().ToString("N");

    public bool IsDisplay { get; set; }

    /// <summary>Whether the browser is connected now (a circuit outlives a dropped connection for a while).</summary>
    public bool Connected { get; private set; } = true;

    /// <summary>Raised when <see cref="Connected"/> changes, on the circuit handler's thread.</summary>
    public event Action? ConnectionChanged;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? ClientAddress;
        Connected = true;
        ConnectionChanged?.Invoke();
        if (IsDisplay)
        {
            fleet.Connection(Key, up: true, ClientAddress);
        }

        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connected = false;
        ConnectionChanged?.Invoke();
        if (IsDisplay)
        {
            fleet.Connection(Key, up: false, null);
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (IsDisplay)
        {
            fleet.Leave(Key);
        }

        return Task.CompletedTask;
    }
}
