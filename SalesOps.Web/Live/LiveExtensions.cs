using Microsoft.Extensions.Options;

namespace SalesOps.Web.Live;

public static class LiveExtensions
{
    public static WebApplicationBuilder AddSalesOpsLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveEventBus>();
        builder.Services.AddSingleton<LiveWriter>();
        builder.Services.AddSingleton<SharedReads>();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveHubRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveHubRelay>());
        return builder;
    }

    /// <summary>Maps <see cref="LiveHub"/> with per-connection send limits, so one client that stops reading is closed instead of stalling the relay.</summary>
    public static void MapLiveHub(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value;
        app.MapHub<LiveHub>(LiveHub.Path, o =>
        {
            o.TransportSendTimeout = options.ClientSendTimeout;
            o.ApplicationMaxBufferSize = options.ClientBufferBytes;
        });
    }
}
