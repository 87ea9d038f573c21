using System.ComponentModel.DataAnnotations;

namespace SalesOps.Web.Live;

/// <summary>The "SalesOps:Live" configuration section: limits that keep slow hub clients from hurting the others.</summary>
public sealed class LiveOptions
{
    public const string Section = "SalesOps:Live";

    /// <summary>
    /// Events the hub relay may hold while it waits for a slow send. Beyond it the oldest are dropped, and the
    /// clients that missed them fill the gap with <c>Replay</c>; memory stays capped whatever the clients do.
    /// </summary>
    [Range(16, 1_000_000)]
    public int RelayQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long one send to a hub client may take before the server closes that connection. A client that stops
    /// reading holds up the relay for at most this long, once; it reconnects and replays what it missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ClientSendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes written to one hub client that may wait unsent before the relay has to wait for it.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public long ClientBufferBytes { get; set; } = 64 * 1024;
}
