using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SalesOps.Web;
using SalesOps.Web.Shell;

namespace SalesOps.Tests.Infrastructure;

/// <summary>
/// The one base of the bUnit tests: MudBlazor, loose JS interop, the app's real texts, en-US formats, and a fake
/// clock on <see cref="TestClock.Today"/> seen from UTC.
/// </summary>
public abstract class BunitTest : BunitContext
{
    // bUnit's 1 s default is shorter than one tick of a real-time timer on a loaded 2-core machine (the contest
    // countdown ticks each second and CI once missed it); a wait still returns as soon as its condition holds.
    static BunitTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected BunitTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        // MudBlazor calls JS for popovers, focus and the like; tests set up (and verify) only the calls they care about.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddTestServices(Clock);
    }

    protected FakeTimeProvider Clock { get; } = TestClock.New();

    /// <summary>The user's clock of the component under test (set its zone with <see cref="UserClock.Use"/>).</summary>
    protected UserClock UserClock => Services.GetRequiredService<UserClock>();
}

public static class BunitTestServices
{
    public static IServiceCollection AddTestServices(this IServiceCollection services, TimeProvider clock)
    {
        services.AddSingleton(clock);
        services.AddScoped<UserClock>();
        services.AddMudServices();
        services.AddLocalization();
        services.AddSingleton(Options.Create(new SalesOpsOptions { Currency = "USD" }));
        services.AddScoped<MoneyFormat>();
        return services;
    }
}
