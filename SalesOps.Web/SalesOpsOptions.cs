namespace SalesOps.Web;

/// <summary>The "SalesOps" configuration section.</summary>
public sealed class SalesOpsOptions
{
    public const string Section = "SalesOps";

    /// <summary>
    /// Seed the demo company (its users with the published password, and the demo API key that can change any deal)
    /// when the database is empty. Unset means "only in Development", so a production start never opens that door.
    /// </summary>
    public bool? SeedDemoCompany { get; set; }

    public string DemoPassword { get; set; } = "SalesOps-demo-1";

    /// <summary>Pins the demo company's dates (yyyy-MM-dd); by default they are laid out back from the day of seeding.</summary>
    public DateOnly? DemoAnchorDate { get; set; }

    /// <summary>ISO 4217 code of the company's currency; amounts are shown in it, formatted for each user's culture.</summary>
    public string Currency { get; set; } = "USD";

    public string DataProtectionKeysPath { get; set; } = "App_Data/keys";

    /// <summary>
    /// Browser origins (scheme://host:port) besides the app's own that may open /_blazor and /hubs, e.g. the public
    /// address when a proxy terminates TLS. Requests without an Origin header (non-browser clients) are not affected.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// How stale a sign-in may be before the user's security stamp is checked again, on requests and in open
    /// circuits: sign-out, password change, lock-out and role change end other sessions within this time.
    /// </summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public RateLimitOptions RateLimits { get; set; } = new();

    public SignInLockoutOptions SignInLockout { get; set; } = new();
}

/// <summary>Requests allowed per client in a fixed window; more get 429 with Retry-After.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in form posts per client address. Generous enough for an office behind one address.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 30 };

    /// <summary>API calls per API key (or per address for calls without a valid key).</summary>
    public RateLimit Api { get; set; } = new() { PermitLimit = 1200 };
}

/// <summary>Failed sign-ins tolerated per account and client address before that pair is refused for a while.</summary>
public sealed class SignInLockoutOptions
{
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
