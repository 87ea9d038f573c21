using SalesOps.Web.Auth;

namespace SalesOps.Web.Features.Deals;

/// <summary>
/// The ingest API a CRM uses to push deals: <c>POST /api/deals</c> and <c>PATCH /api/deals/{id}</c>, with an
/// API key in <c>X-Api-Key</c>. Bodies are read by <see cref="IngestBody"/> rather than by model binding so that a
/// malformed payload still gets a problem-details answer that names every offending field.
/// </summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/api/deals")
            .RequireAuthorization(AuthExtensions.IngestPolicy)
            .DisableAntiforgery()
            .WithTags("Ingest");

        deals.MapPost("/", async (HttpRequest request, DealService service, CancellationToken ct) =>
            {
                var (body, error) = await IngestBody.ReadAsync<NewDealRequest>(request, ct);
                if (body is null)
                {
                    return error!;
                }

                var (draft, missing) = body.ToNewDeal();
                if (draft is null)
                {
                    return Results.ValidationProblem(missing);
                }

                var outcome = await service.CreateAsync(ActorFactory.From(request.HttpContext.User), draft, ct);
                return outcome.Succeeded ? Results.Created($"/api/deals/{outcome.Deal!.Id}", outcome.Deal) : ToProblem(outcome);
            })
            .Accepts<NewDealRequest>("application/json")
            .Produces<DealSnapshot>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Create a deal");

        deals.MapPatch("/{id:int}", async (int id, HttpRequest request, DealService service, CancellationToken ct) =>
            {
                var (change, error) = await IngestBody.ReadAsync<DealChange>(request, ct);
                if (change is null)
                {
                    return error!;
                }

                var outcome = await service.ChangeAsync(ActorFactory.From(request.HttpContext.User), id, change, ct);
                return outcome.Succeeded ? Results.Ok(outcome.Deal) : ToProblem(outcome);
            })
            .Accepts<DealChange>("application/json")
            .Produces<DealSnapshot>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a deal's stage, amount, close date, probability or forecast category");

        return app;
    }

    /// <summary>The body of <c>POST /api/deals</c>; every member is optional here so a missing one is reported by name.</summary>
    public sealed record NewDealRequest(
        string? Name,
        int? AccountId,
        decimal? Amount,
        string? Stage,
        DateOnly? ExpectedClose,
        int? OwnerRepId = null,
        int? ProductId = null,
        int? Probability = null,
        string? ExternalId = null,
        string? Currency = null)
    {
        public (NewDeal? Deal, Dictionary<string, string[]> Missing) ToNewDeal()
        {
            var missing = new Dictionary<string, string[]>();
            void Require(object? value, string field)
            {
                if (value is null)
                {
                    missing[field] = [$"The {field} field is required."];
                }
            }

            Require(Name, "name");
            Require(AccountId, "accountId");
            Require(Amount, "amount");
            Require(Stage, "stage");
            Require(ExpectedClose, "expectedClose");
            return missing.Count > 0
                ? (null, missing)
                : (new NewDeal(Name!, AccountId!.Value, Amount!.Value, Stage!, ExpectedClose!.Value, OwnerRepId, ProductId, Probability, ExternalId, Currency), missing);
        }
    }

    private static IResult ToProblem(DealOutcome outcome) => outcome.Status switch
    {
        DealOutcomeStatus.Invalid => Results.ValidationProblem(outcome.Errors!),
        DealOutcomeStatus.NotFound => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status404NotFound),
        DealOutcomeStatus.Forbidden => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        DealOutcomeStatus.Conflict => Results.Problem(
            title: outcome.Message,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["current"] = outcome.Deal }),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
