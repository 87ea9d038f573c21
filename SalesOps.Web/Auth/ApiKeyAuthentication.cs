using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;

namespace SalesOps.Web.Auth;

/// <summary>Authenticates integrations by the <c>X-Api-Key</c> header (or <c>access_token</c> for SignalR's browser transports).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A key is for the API and the hub; pages are for people, so a key must not open them.
        if (!Request.Path.StartsWithSegments("/api") && !Request.Path.StartsWithSegments("/hubs"))
        {
            return AuthenticateResult.NoResult();
        }

        string? key = Request.Headers[Header];
        if (string.IsNullOrEmpty(key) && Request.Path.StartsWithSegments("/hubs"))
        {
            key = Request.Query["access_token"];
        }

        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        var apiKey = await keys.FindActiveAsync(key, Context.RequestAborted);
        if (apiKey is null)
        {
            Logger.RejectedApiKey(Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, $"api:{apiKey.Name}"),
            new(SalesOpsClaims.DisplayName, $"API key \"{apiKey.Name}\""),
            new(ClaimTypes.Role, Roles.Integration),
            new(SalesOpsClaims.ApiKeyHash, apiKey.Hash),
        ];
        if (apiKey.ReadOnly)
        {
            claims.Add(new Claim(SalesOpsClaims.ReadOnly, "true"));
        }

        claims.AddRange((apiKey.TeamIds ?? []).Select(team => new Claim(SalesOpsClaims.KeyTeam, team.ToString(CultureInfo.InvariantCulture))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>
/// Active keys by hash, read from the database at most once a minute per key: a CRM pushing a burst of changes
/// should not cost a query per request. Revoking a key through <see cref="ApiKeyService"/> forgets it at once.
/// </summary>
public sealed class ApiKeyCache(IDbContextFactory<SalesOpsDbContext> factory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset ReadAt)> _byHash = new();
    private long _revocations;

    public Task<ApiKey?> FindActiveAsync(string plainKey, CancellationToken cancellationToken) =>
        FindActiveByHashAsync(ApiKeyHasher.Hash(plainKey), cancellationToken);

    public async Task<ApiKey?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_byHash.TryGetValue(hash, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.Key;
        }

        // A read that started before a revocation committed may still see the key; it must not cache it afterwards.
        var revocations = Interlocked.Read(ref _revocations);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        // Unknown keys are not remembered: anyone could fill the cache by sending random ones.
        if (key is not null && Interlocked.Read(ref _revocations) == revocations)
        {
            _byHash[hash] = (key, now);
        }

        return key;
    }

    /// <summary>Call after the revocation has committed, or a read in between would cache the key again.</summary>
    public void Forget(string hash)
    {
        Interlocked.Increment(ref _revocations);
        _byHash.TryRemove(hash, out _);
    }
}

public static class ApiKeyHasher
{
    /// <summary>Keys are long random strings, so one SHA-256 is enough; the key itself is never stored.</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "so_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}

internal static partial class ApiKeyLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an unknown or revoked API key from {Ip}")]
    public static partial void RejectedApiKey(this ILogger logger, System.Net.IPAddress? ip);
}
