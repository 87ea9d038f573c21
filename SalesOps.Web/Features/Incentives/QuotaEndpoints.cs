using System.Text;
using SalesOps.Shared.Incentives;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Features.Incentives;

/// <summary>Quotas as CSV over HTTP, for cookie users who manage quotas; the same rights and rules as the page.</summary>
public static class QuotaEndpoints
{
    public static IEndpointRouteBuilder MapQuotaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incentives/quotas/{year:int}.csv", async (int year, HttpContext http, QuotaService quotas) =>
        {
            var grid = await quotas.GridAsync(ActorFactory.From(http.User), year, http.RequestAborted);
            return grid is null ? Results.NotFound() : Results.File(QuotaCsv.Write(grid), "text/csv; charset=utf-8", $"quotas-{year}.csv");
        });

        // A text/csv body cannot be sent across sites without a CORS preflight, which this app never grants, so a
        // forged cross-site form cannot import quotas with the user's cookie.
        app.MapPost("/incentives/quotas.csv", async (HttpContext http, QuotaService quotas) =>
        {
            var request = http.Request;
            if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), QuotaCsv.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                return Results.Problem("Send the quotas as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            if (request.ContentLength > QuotaCsv.MaxBytes)
            {
                return Results.Problem($"At most {QuotaCsv.MaxBytes / 1024} KB of CSV at once.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var actor = ActorFactory.From(http.User);
            if (!QuotaService.MayManage(actor))
            {
                return Results.Problem("You do not set quotas.", statusCode: StatusCodes.Status403Forbidden);
            }

            var body = await ReadCappedAsync(request.Body, http.RequestAborted);
            if (body is null)
            {
                return Results.Problem($"At most {QuotaCsv.MaxBytes / 1024} KB of CSV at once.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var (edits, errors) = QuotaCsv.Read(new StringReader(body));
            var result = errors.Count > 0 ? QuotaSaveResult.Refused([.. errors]) : await quotas.SaveAsync(actor, edits, http.RequestAborted);
            return result.Succeeded
                ? Results.Ok(new { changed = result.Changed, rows = edits.Count })
                : Results.Problem(
                    "Nothing was imported: fix the rows below and send the file again.",
                    statusCode: result.Errors.Any(e => e.Field == "rep" && e.Message.StartsWith("You do not", StringComparison.Ordinal)) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["errors"] = result.Errors.Select(e => new { row = e.Row, field = e.Field, message = e.Message }).ToList() });
        });
        return app;
    }

    /// <summary>The body as text, or null when it is longer than <see cref="QuotaCsv.MaxBytes"/> (a chunked body has no length up front).</summary>
    private static async Task<string?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > QuotaCsv.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
