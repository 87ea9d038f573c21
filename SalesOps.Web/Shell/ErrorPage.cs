using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using SalesOps.Web.Resources;

namespace SalesOps.Web.Shell;

/// <summary>
/// Where unhandled errors end up outside Development: problem details for the API and other machines, a short page
/// for people. The status stays what the failure was (413 for a body over the size limit, 400 for a malformed
/// request, else 500) instead of the handler's own.
/// </summary>
public static class ErrorPage
{
    public const string Path = "/error";

    public static IApplicationBuilder UseErrorPage(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = Path,
        CreateScopeForErrors = true,
        StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    });

    public static IEndpointRouteBuilder MapErrorPage(this IEndpointRouteBuilder app)
    {
        // Map, not MapGet: the handler re-runs the failed request with its own method (a POST to the API, say).
        app.Map(Path, (HttpContext http, IStringLocalizer<Strings> text) =>
            {
                if (http.Features.Get<IExceptionHandlerPathFeature>() is not { } failure)
                {
                    return Results.NotFound();
                }

                var status = http.Response.StatusCode;
                var forPeople = !failure.Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase)
                    && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
                if (!forPeople)
                {
                    return Results.Problem(statusCode: status);
                }

                var title = HtmlEncoder.Default.Encode(text["Error.Title"]);
                return Results.Content(
                    $"""
                    <!DOCTYPE html>
                    <html><head><meta charset="utf-8"><title>{title} · SalesOps</title></head>
                    <body><main role="alert"><h1>{title}</h1><p>{HtmlEncoder.Default.Encode(text["Error.Text"])}</p>
                    <p><a href="/">{HtmlEncoder.Default.Encode(text["Shell.BackHome"])}</a></p></main></body></html>
                    """,
                    "text/html; charset=utf-8",
                    statusCode: status);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}
