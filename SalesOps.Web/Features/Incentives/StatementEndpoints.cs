using System.Text;
using SalesOps.Shared.Export;
using SalesOps.Web.Auth;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Incentives;

/// <summary>The statement as a CSV file, behind the same rights check as the page.</summary>
public static class StatementEndpoints
{
    public static IEndpointRouteBuilder MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        // Cookie users only (the fallback policy); an API key is an integration, which has no pay to read.
        app.MapGet("/incentives/statements/{repId:int}/{period}.csv", async (int repId, string period, HttpContext http, StatementService statements) =>
        {
            var actor = ActorFactory.From(http.User);
            // "current" is the quarter of the user's today, in the zone the browser's cookie names (UTC without one).
            var clock = http.RequestServices.GetRequiredService<UserClock>();
            clock.Use(http.Request.Cookies[UserClock.CookieName]);
            var today = clock.Today;
            var result = await statements.LoadAsync(actor, repId, period, today, http.RequestAborted);
            return result.Status switch
            {
                StatementStatus.Ok => Results.File(ToCsv(result.Statement!), "text/csv; charset=utf-8", $"statement-{repId}-{result.Statement!.PeriodKey}.csv"),
                StatementStatus.BadPeriod => Results.Problem("The period must be 'current' or a quarter such as 2026-Q4.", statusCode: StatusCodes.Status400BadRequest),
                StatementStatus.NoPlan => Results.Problem("No comp plan covers this period.", statusCode: StatusCodes.Status404NotFound),
                _ => Results.NotFound(),
            };
        });
        return app;
    }

    /// <summary>One row per statement line, then the total; amounts raw, invariant culture (RFC 4180).</summary>
    public static byte[] ToCsv(RepStatement statement)
    {
        var text = new StringBuilder();
        Row(text, "Rep", "Period", "Line", "Deal id", "Label", "Credited", "Rate %", "Paid");
        foreach (var line in statement.Statement.Lines)
        {
            Row(text, statement.RepName, statement.PeriodKey, line.Kind.ToString(), Number(line.DealId), line.Label,
                Number(line.Credited), Number(line.BlendedRatePercent), Number(line.Paid));
        }

        Row(text, statement.RepName, statement.PeriodKey, "Total", "", "", Number(statement.Statement.CreditedRevenue), "", Number(statement.Statement.Total));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Number<T>(T? value) where T : struct, IFormattable => CsvText.Number(value);

    private static string Number<T>(T value) where T : struct, IFormattable => CsvText.Number(value);

    private static void Row(StringBuilder text, params string?[] cells) => CsvText.Row(text, cells);
}
