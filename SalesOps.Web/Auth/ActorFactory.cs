using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;

namespace SalesOps.Web.Auth;

public static class SalesOpsClaims
{
    public const string RepId = "salesops:rep";
    public const string TeamId = "salesops:team";
    public const string DisplayName = "salesops:name";

    /// <summary>The hash of the API key a caller used: what revocation looks up and closes connections by.</summary>
    public const string ApiKeyHash = "salesops:key";

    /// <summary>"true" on a read-only API key's principal.</summary>
    public const string ReadOnly = "salesops:read-only";

    /// <summary>One claim per team an API key is limited to; none for a key of the whole company.</summary>
    public const string KeyTeam = "salesops:key-team";
}

/// <summary>Turns a signed-in principal (cookie user or API key) into the <see cref="Actor"/> the services check.</summary>
public static class ActorFactory
{
    public static Actor From(ClaimsPrincipal user)
    {
        var role = RolesByPower.FirstOrDefault(user.IsInRole) ?? "";
        var name = user.FindFirstValue(SalesOpsClaims.DisplayName) ?? user.Identity?.Name ?? "unknown";
        var teams = user.FindAll(SalesOpsClaims.KeyTeam).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();
        return new Actor(name, role, IntClaim(user, SalesOpsClaims.RepId), IntClaim(user, SalesOpsClaims.TeamId))
        {
            ReadOnly = user.HasClaim(SalesOpsClaims.ReadOnly, "true"),
            KeyTeamIds = role == Roles.Integration && teams.Count > 0 ? teams : null,
        };
    }

    // A user with several roles acts with the widest one.
    internal static readonly string[] RolesByPower = [Roles.Admin, Roles.VP, Roles.Analyst, Roles.Manager, Roles.Rep, Roles.Integration];

    private static int? IntClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>Adds the rep, team and display name to the sign-in cookie so no request has to look them up.</summary>
public sealed class SalesOpsClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SalesOpsClaims.DisplayName, user.DisplayName));
        if (user.RepId is { } rep)
        {
            identity.AddClaim(new Claim(SalesOpsClaims.RepId, rep.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(SalesOpsClaims.TeamId, team.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
