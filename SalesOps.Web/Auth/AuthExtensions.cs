using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Account;

namespace SalesOps.Web.Auth;

public static class AuthExtensions
{
    public const string IngestPolicy = "Ingest";
    public const string LiveClientPolicy = "LiveClient";
    public const string AdminPolicy = "Admin";

    public static WebApplicationBuilder AddSalesOpsAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "salesops.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            // The cookie is the session: outside Development it never travels over plain HTTP.
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // APIs answer 401/403 instead of redirecting to a sign-in page a machine cannot use.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                // Failed sign-ins do not lock accounts (see PasswordSignIn); Identity's lock-out is for admins.
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<AppUserManager>()
            .AddEntityFrameworkStores<SalesOpsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<SalesOpsClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            // The key scheme is named too so that a valid key on an API route without our own endpoint (an unknown
            // path, a body routing refuses as 415) gets that answer rather than a 401. Keys authenticate only on
            // /api and /hubs, so pages still need a signed-in person.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(IngestPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(Roles.Integration))
            .AddPolicy(LiveClientPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser());

        var keys = builder.Configuration[$"{SalesOpsOptions.Section}:{nameof(SalesOpsOptions.DataProtectionKeysPath)}"] ?? "App_Data/keys";
        services.AddDataProtection()
            .SetApplicationName("SalesOps")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.IsPathRooted(keys) ? keys : Path.Combine(builder.Environment.ContentRootPath, keys)));

        // Sign-out, password, role and lock-out changes renew the user's security stamp; cookies and open circuits
        // compare theirs with it this often.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SalesOpsOptions>>((o, settings) =>
            o.ValidationInterval = settings.Value.SessionValidationInterval);
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddSalesOpsRateLimits();

        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyConnections>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<SalesOps.Web.Features.Admin.UserAdminService>();
        services.AddScoped<SalesOps.Web.Features.Admin.InvitationService>();
        services.AddScoped<CurrentActor>();
        return builder;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
