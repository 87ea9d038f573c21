using Microsoft.AspNetCore.Authorization;

namespace SalesOps.Web.Features.Screens;

public static class DisplayCircuitsEndpoint
{
    /// <summary>
    /// A TV has no sign-in, yet its display page needs a circuit. The circuit endpoints (/_blazor) therefore admit
    /// anonymous connections; that opens no page: a circuit only hosts the components the server prerendered for
    /// it, and every page other than the display is [Authorize] and re-checked by the router inside the circuit.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AllowAnonymousCircuits(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.StartsWith("/_blazor", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        return builder;
    }
}
