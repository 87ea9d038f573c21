using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Web.Data;

namespace SalesOps.Web.Auth;

/// <summary>Authenticates integrations by the <c>X-Api-Key</c> header (or <c>access_token</c> for SignalR's browser transports).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IDbContextFactory<SalesOpsDbContext> factory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[Header];
        if (string.IsNullOrEmpty(key) && Request.Path.StartsWithSegments("/hubs"))
        {
            key = Request.Query["access_token"];
        }

        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeyHasher.Hash(key);
        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var apiKey = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, Context.RequestAborted);
        if (apiKey is null)
        {
            Logger.LogWarning("Rejected an unknown or revoked API key from {Ip}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, $"api:{apiKey.Name}"),
            new(SalesOpsClaims.DisplayName, $"API key \"{apiKey.Name}\""),
            new(ClaimTypes.Role, Roles.Integration),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

public static class ApiKeyHasher
{
    /// <summary>Keys are long random strings, so one SHA-256 is enough; the key itself is never stored.</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "so_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
