using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SalesOps.Web.Features.Screens;

public static class ScreenExtensions
{
    public static IServiceCollection AddScreens(this IServiceCollection services)
    {
        services.AddSingleton<ScreenService>();
        services.AddSingleton<SlideDataCache>();
        services.AddSingleton<ScreenFleet>();
        services.AddScoped<DisplaySettingsStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<DisplayCircuit>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<DisplayCircuit>());
        return services;
    }
}
