namespace SalesOps.Web.Live;

public static class LiveExtensions
{
    public static WebApplicationBuilder AddSalesOpsLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveEventBus>();
        builder.Services.AddSingleton<LiveWriter>();
        builder.Services.AddSignalR();
        builder.Services.AddHostedService<LiveHubRelay>();
        return builder;
    }
}
