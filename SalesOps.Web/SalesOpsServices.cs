using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Features;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

namespace SalesOps.Web;

public static class SalesOpsServices
{
    /// <summary>Every service of the app, wired once: the web app and the command line share it, so both apply the same rules.</summary>
    public static WebApplicationBuilder AddSalesOps(this WebApplicationBuilder builder) => builder
        .AddSalesOpsData()
        .AddSalesOpsAuth()
        .AddSalesOpsLive()
        .AddSalesOpsShell()
        .AddSalesOpsFeatures();
}
