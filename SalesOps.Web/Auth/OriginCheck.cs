using Microsoft.Extensions.Options;

namespace SalesOps.Web.Auth;

/// <summary>
/// Browsers send cookies with WebSocket and SignalR requests from any page, and neither SignalR nor Blazor checks
/// where that page came from: without this, a page on another port of the same host could open a circuit or the
/// live hub as the signed-in user and read what they see. Browsers always say where a request comes from (Origin),
/// so a foreign Origin is refused; requests without one come from non-browser clients, which carry their own key.
/// </summary>
public static class OriginCheck
{
    private static readonly PathString[] Guarded = ["/_blazor", "/hubs"];

    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app)
    {
        var allowed = app.ApplicationServices.GetRequiredService<IOptions<SalesOpsOptions>>().Value.AllowedOrigins
            .Select(o => o.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (!Guarded.Any(p => request.Path.StartsWithSegments(p)) || request.Headers.Origin.Count == 0 || IsAllowed(request, allowed))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
    }

    private static bool IsAllowed(HttpRequest request, HashSet<string> allowed) =>
        request.Headers.Origin is [{ } origin]
        && (string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin));
}
