using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using SalesOps.Web.Auth;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });

        // Switches the UI language and formats; remembered on the user so it follows them to other browsers.
        account.MapGet("/culture", async (string culture, string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
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

            return Results.LocalRedirect(IsLocal(returnUrl) ? "~" + returnUrl : "~/");
        });

        return app;
    }

    public static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    public static bool IsLocal(string? url) => url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
