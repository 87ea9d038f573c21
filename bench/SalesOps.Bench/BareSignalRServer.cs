using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesOps.Shared.Domain;
using SalesOps.Web.Features.Deals;

namespace SalesOps.Bench;

/// <summary>
/// The floor a SignalR fan-out can reach on this machine: a minimal ASP.NET Core server in the bench process with
/// one hub and <c>POST /broadcast/{id}</c>, which answers at once and sends a <see cref="LiveEvent"/> shaped like the
/// app's stage change (same kind, a deal snapshot of the same fields as payload) to every connection with
/// <c>Clients.All.SendAsync</c> from a background pump, as the app's event bus does. No auth, no database.
/// </summary>
public sealed class BareSignalRServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;

    private BareSignalRServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string BroadcastPath(int dealId) => $"/broadcast/{dealId}";

    /// <summary>The payload the server sends for <paramref name="dealId"/>: the same snapshot fields as the app's event.</summary>
    public static string Payload(int dealId) => JsonSerializer.Serialize(
        new DealSnapshot(dealId, "Harbor Foods 48213 - Core Platform Plus", 48213, 1234, 124, 4, "Negotiation", 3, 87_654.32m, "USD", 75,
            ForecastCategory.Commit, new DateOnly(2027, 1, 15), null, 2),
        Json);

    public static async Task<BareSignalRServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true }));
        builder.Services.AddHostedService<BroadcastPump>();

        var app = builder.Build();
        app.MapHub<BareHub>(LiveClient.HubPath);
        app.MapPost("/broadcast/{id:int}", (int id, Channel<LiveEvent> queue) =>
        {
            queue.Writer.TryWrite(new LiveEvent
            {
                Sequence = id,
                At = DateTime.UtcNow,
                Kind = LiveEventKinds.DealStageChanged,
                EntityId = id,
                TeamId = 124,
                RepId = 1234,
                Payload = Payload(id),
            });
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First(); // the port Kestrel picked
        return new BareSignalRServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private sealed class BareHub : Hub;

    /// <summary>Sends queued events one after another, off the request, like the app's bus subscription.</summary>
    private sealed class BroadcastPump(Channel<LiveEvent> queue, IHubContext<BareHub> hub) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await foreach (var liveEvent in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await hub.Clients.All.SendAsync(LiveClient.EventMethod, liveEvent, stoppingToken);
            }
        }
    }
}
