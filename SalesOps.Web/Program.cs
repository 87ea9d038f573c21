using SalesOps.Web;
using SalesOps.Web.Auth;
using SalesOps.Web.Components;
using SalesOps.Web.Data;
using SalesOps.Web.Features;
using SalesOps.Web.Features.Account;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

var builder = WebApplication.CreateBuilder(args);

builder.AddSalesOpsData();
builder.AddSalesOpsAuth();
builder.AddSalesOpsLive();
builder.AddSalesOpsShell();
builder.AddSalesOpsFeatures();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapIngestApi();
app.MapAccountEndpoints();
app.MapLiveHub();
// Our CSP already says frame-ancestors 'none'; Blazor's own, looser header would be a second policy.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
