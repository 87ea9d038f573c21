using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SalesOps.Web.Auth;

/// <summary>
/// Re-checks the user of every open circuit (as the Blazor Identity template does): a user signed out elsewhere,
/// locked out, demoted or deleted loses the circuit's rights at the next check instead of keeping them for as long
/// as the tab stays open.
/// </summary>
public sealed class SessionRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<SalesOpsOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // A zero interval means "check every request" for cookies; a circuit has no requests, so it checks every second.
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    protected override TimeSpan RevalidationInterval =>
        options.Value.SessionValidationInterval > Shortest ? options.Value.SessionValidationInterval : Shortest;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        return user is not null
            && !await users.IsLockedOutAsync(user)
            && authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
