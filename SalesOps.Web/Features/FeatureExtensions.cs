using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Home;

namespace SalesOps.Web.Features;

public static class FeatureExtensions
{
    public static WebApplicationBuilder AddSalesOpsFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DealService>();
        builder.Services.AddSingleton<HomeDashboardService>();
        return builder;
    }
}
