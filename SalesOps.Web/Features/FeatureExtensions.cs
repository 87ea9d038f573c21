using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Home;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Features.Insights;
using SalesOps.Web.Features.Pipeline;
using SalesOps.Web.Features.Screens;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Web.Features;

public static class FeatureExtensions
{
    public static WebApplicationBuilder AddSalesOpsFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DealService>();
        builder.Services.AddSingleton<HomeDashboardService>();
        builder.Services.AddSingleton<StalenessCache>();
        builder.Services.AddSingleton<PipelineBoardService>();
        builder.Services.AddScoped<BoardFilterMemory>();
        builder.Services.AddSingleton<TerritoryBoardService>();
        builder.Services.AddSingleton<TerritoryService>();
        builder.Services.AddSingleton<LeaderboardService>();
        builder.Services.AddSingleton<StatementService>();
        builder.Services.AddSingleton<KpiService>();
        builder.Services.AddSingleton<TerritoryRuleService>();
        builder.Services.AddSingleton<TerritoryMapService>();
        builder.Services.AddScoped<AccountMoveFlow>();
        builder.Services.AddSingleton<PayPreviewService>();
        builder.Services.AddSingleton<MyPerformanceService>();
        builder.Services.AddSingleton<QuotaService>();
        builder.Services.AddScreens();
        builder.Services.AddSingleton<SalesOps.Web.Features.Data.ImportService>();
        builder.Services.AddSingleton<TerritoryBalanceService>();
        builder.Services.AddSingleton<TerritoryPlanService>();
        builder.Services.AddSingleton<SalesOps.Web.Features.Data.ImportMappingStore>();
        builder.Services.AddSingleton<SalesOps.Web.Features.Data.HygieneService>();
        builder.Services.AddSingleton<ForecastService>();
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<ContestService>();
        return builder;
    }
}
