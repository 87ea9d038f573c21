using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SalesOps.Web.Auth;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Both change state for the signed-in user, so both are forms with an antiforgery token: another site (or
        // another port of this host, which browsers count as the same site) cannot post them with the user's cookie.
        // The filter checks the token for every endpoint here, also those without form fields, which the framework's
        // own check (tied to form binding) would let through.
        var account = app.MapGroup("/account").DisableAntiforgery().AddEndpointFilter(RequireAntiforgeryToken);

        account.MapPost("/logout", async (HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            // A new stamp ends every copy of this session's cookie, not just the one this browser drops.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });

        // Switches the UI language and formats; remembered on the user so it follows them to other browsers.
        account.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
        {
            if (!ShellExtensions.SupportedCultures.Any(c => c.Name == culture))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["culture"] = ["Supported: en-US, ro-RO."] });
            }

            WriteCultureCookie(http, culture);
            if (await users.GetUserAsync(http.User) is { } user && user.Culture != culture)
            {
                user.Culture = culture;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(LocalOrHome(returnUrl));
        });

        return app;
    }

    public static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });

    /// <summary>
    /// <paramref name="url"/> if it is a path on this site, else the home page. Browsers drop tabs and line breaks
    /// from URLs, so "/\t/evil.example" would leave the site as "//evil.example": control characters and backslashes
    /// (which browsers read as slashes) make a URL foreign too.
    /// </summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/') && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            ? url
            : "/";

    private static async ValueTask<object?> RequireAntiforgeryToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)
            ? await next(context)
            : Results.Problem(title: "The form is missing its antiforgery token or it has expired; reload the page.", statusCode: StatusCodes.Status400BadRequest);
    }
}
