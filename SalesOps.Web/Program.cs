using SalesOps.Web;
using SalesOps.Web.Auth;
using SalesOps.Web.Cli;
using SalesOps.Web.Components;
using SalesOps.Web.Features.Account;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Features.Insights;
using SalesOps.Web.Features.Territories;
using SalesOps.Web.Features.Screens;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

// `users add …`, `apikeys add …`: a script's or container's first run, on the same services, then exit.
if (SalesOpsCli.Handles(args))
{
    return await SalesOpsCli.RunAsync(args, CliConsole.System());
}

var builder = WebApplication.CreateBuilder(args);

// Data, Auth, Live, Shell, Features: see SalesOpsServices.
builder.AddSalesOps();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseErrorPage();
    app.UseHsts();
}

app.UseStatusPages();
app.UseSecurityHeaders();
app.UseOriginCheck();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
// After authorization, so an API call is counted against its key.
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapIngestApi();
app.MapTerritoryApi();
app.MapAccountEndpoints();
app.MapStatementEndpoints();
app.MapKpiApi();
app.MapInsightsEndpoints();
app.MapQuotaEndpoints();
app.MapErrorPage();
app.MapLiveHub();
// Our CSP already says frame-ancestors 'none'; Blazor's own, looser header would be a second policy.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).AllowAnonymousCircuits();

app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
