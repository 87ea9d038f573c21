namespace SalesOps.Web.Shell;

/// <summary>
/// Bodiless error statuses (404 above all): a person's browser gets the app's own page, in the shell with a way
/// back; the API, the hub and other machines keep problem details.
/// </summary>
public static class StatusPages
{
    public const string NotFoundPath = "/not-found";

    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(ForPeople, people => people.UseStatusCodePagesWithReExecute(NotFoundPath));
        app.UseWhen(http => !ForPeople(http), machines => machines.UseStatusCodePages());
        return app;
    }

    private static bool ForPeople(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method)
        && !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !http.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
