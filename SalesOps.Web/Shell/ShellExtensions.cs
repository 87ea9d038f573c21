using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace SalesOps.Web.Shell;

public static class ShellExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("en-US"), new("ro-RO")];

    public static WebApplicationBuilder AddSalesOpsShell(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        services.AddMudServices();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // The security headers middleware sends X-Frame-Options: DENY; antiforgery would add a second, weaker one.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddProblemDetails();
        // Enums travel as their names ("Commit", not 2), in answers as in requests.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<MoneyFormat>();
        services.AddScoped<UserPreferences>();
        services.AddScoped<UserClock>();
        return builder;
    }

    /// <summary>CSP, framing and sniffing protection on every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    });
}
