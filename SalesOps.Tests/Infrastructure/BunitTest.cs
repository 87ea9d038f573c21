using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SalesOps.Web;
using SalesOps.Web.Shell;

namespace SalesOps.Tests.Infrastructure;

/// <summary>The one base of the bUnit tests: MudBlazor, loose JS interop, the app's real texts, en-US formats.</summary>
public abstract class BunitTest : BunitContext
{
    protected BunitTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        // MudBlazor calls JS for popovers, focus and the like; tests set up (and verify) only the calls they care about.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddTestServices();
    }
}

public static class BunitTestServices
{
    public static IServiceCollection AddTestServices(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddLocalization();
        services.AddSingleton(Options.Create(new SalesOpsOptions { Currency = "USD" }));
        services.AddScoped<MoneyFormat>();
        return services;
    }
}
