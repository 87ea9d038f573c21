using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SalesOps.Web.Auth;

/// <summary>
/// Per-client limits on the two things an attacker (or a runaway integration) repeats: sign-in attempts, per client
/// address, and API calls, per API key. Over the limit a request gets 429 with Retry-After in seconds.
/// </summary>
public static class RateLimits
{
    public const string SignInPath = "/account/login";

    /// <summary>Where an invitee sets their password: a sign-in form too, so it shares the sign-in limit.</summary>
    public const string InvitePath = "/account/invite";

    private readonly record struct Client(string Limit, string Id);

    public static IServiceCollection AddSalesOpsRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SalesOpsOptions>>((o, settings) =>
        {
            var limits = settings.Value.RateLimits;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Client>(http => Partition(http, limits));
            o.OnRejected = RejectAsync;
        });
        services.AddOptions<SalesOpsOptions>().Validate(
            o => o.RateLimits.SignIn is { PermitLimit: > 0, Window.Ticks: > 0 } && o.RateLimits.Api is { PermitLimit: > 0, Window.Ticks: > 0 },
            "SalesOps:RateLimits: every PermitLimit and Window must be above zero.");
        return services;
    }

    private static RateLimitPartition<Client> Partition(HttpContext http, RateLimitOptions limits)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api"))
        {
            // The limiter runs after authorization, so an API call's user is already its key.
            var user = http.User.Identity;
            var caller = user is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName } ? "key:" + user.Name : "ip:" + Address(http);
            return Fixed(new Client("api", caller), limits.Api);
        }

        if (HttpMethods.IsPost(request.Method)
            && (request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments(InvitePath, StringComparison.OrdinalIgnoreCase)))
        {
            return Fixed(new Client("sign-in", Address(http)), limits.SignIn);
        }

        return RateLimitPartition.GetNoLimiter(new Client("", ""));
    }

    /// <summary>The caller's address as the server sees it; behind a proxy, configure forwarded headers first.</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<Client> Fixed(Client client, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = $"Too many requests. Try again in {seconds} s." },
        });
    }
}
