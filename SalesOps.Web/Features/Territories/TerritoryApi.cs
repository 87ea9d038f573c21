using SalesOps.Shared.Territories;
using SalesOps.Web.Auth;
using SalesOps.Web.Features.Deals;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// The territory side of the ingest API (API key in <c>X-Api-Key</c>): <c>POST /api/accounts</c> adds an account and
/// assigns it by the rules (<see cref="TerritoryAssignment"/>); <c>PUT /api/territories/{id}/regions</c> replaces the
/// regions a territory claims, refused with both territories named when another one claims a region already.
/// </summary>
public static class TerritoryApi
{
    public static IEndpointRouteBuilder MapTerritoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(AuthExtensions.IngestPolicy)
            .DisableAntiforgery()
            .WithTags("Territories");

        api.MapPost("/accounts", async (HttpRequest request, TerritoryRuleService rules, CancellationToken ct) =>
            {
                var (body, error) = await IngestBody.ReadAsync<NewAccountRequest>(request, ct);
                if (body is null)
                {
                    return error!;
                }

                var (account, errors) = body.ToNewAccount();
                if (account is null)
                {
                    return Results.ValidationProblem(errors);
                }

                var outcome = await rules.CreateAccountAsync(ActorFactory.From(request.HttpContext.User), account, ct);
                return outcome.Created is { } created
                    ? Results.Created($"/api/accounts/{created.Id}", created)
                    : Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status403Forbidden);
            })
            .Accepts<NewAccountRequest>("application/json")
            .Produces<AccountCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Add an account; the assignment rules choose its territory");

        api.MapPut("/territories/{id:int}/regions", async (int id, HttpRequest request, TerritoryRuleService rules, CancellationToken ct) =>
            {
                var (body, error) = await IngestBody.ReadAsync<RegionsRequest>(request, ct);
                if (body is null)
                {
                    return error!;
                }

                if (body.Regions is not { Count: <= MaxRegions } regions)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["regions"] = [$"Send regions as a list of at most {MaxRegions} region codes."] });
                }

                var outcome = await rules.SetRegionsAsync(ActorFactory.From(request.HttpContext.User), id, regions, ct);
                return outcome switch
                {
                    { Succeeded: true } => Results.NoContent(),
                    { IsNotFound: true } => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status404NotFound),
                    { Refusal: RuleRefusal.Forbidden } => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status403Forbidden),
                    { Refusal: RuleRefusal.Conflicts } => Results.Problem(
                        title: outcome.Message,
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?>
                        {
                            ["conflicts"] = outcome.Problems!.Select(p => new { region = p.RegionCode, territories = new[] { p.OtherTerritoryName, p.TerritoryName } }),
                        }),
                    _ => Results.ValidationProblem(new Dictionary<string, string[]> { ["regions"] = [outcome.Message ?? "Invalid regions."] }),
                };
            })
            .Accepts<RegionsRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace the regions a territory claims");

        return app;
    }

    /// <summary>Every region the app knows fits in one territory; more is not a territory.</summary>
    public const int MaxRegions = 300;

    public sealed record RegionsRequest(List<string>? Regions);

    /// <summary>The body of <c>POST /api/accounts</c>; every member is optional here so a missing one is reported by name.</summary>
    public sealed record NewAccountRequest(
        string? Name,
        string? Industry,
        string? RegionCode,
        decimal? Latitude = null,
        decimal? Longitude = null,
        decimal? AnnualRevenue = null,
        int? Employees = null,
        int? PotentialScore = null)
    {
        public (NewAccount? Account, Dictionary<string, string[]> Errors) ToNewAccount()
        {
            var errors = new Dictionary<string, string[]>();
            void Check(bool ok, string field, string message)
            {
                if (!ok)
                {
                    errors[field] = [message];
                }
            }

            Check(!string.IsNullOrWhiteSpace(Name) && Name.Length <= 200, "name", "The name field is required, at most 200 characters.");
            Check(!string.IsNullOrWhiteSpace(Industry) && Industry.Length <= 100, "industry", "The industry field is required, at most 100 characters.");
            Check(RegionCodes.TryNormalize(RegionCode, out var code), "regionCode",
                "The regionCode field is required: ISO 3166-2 for US states (\"US-CA\") or ISO 3166-1 alpha-2 for countries (\"DE\").");
            Check(Latitude is null or >= -90 and <= 90, "latitude", "The latitude must be between -90 and 90.");
            Check(Longitude is null or >= -180 and <= 180, "longitude", "The longitude must be between -180 and 180.");
            Check(AnnualRevenue is null or >= 0, "annualRevenue", "The annualRevenue must not be negative.");
            Check(Employees is null or >= 0, "employees", "The employees must not be negative.");
            Check(PotentialScore is null or >= 0 and <= 100, "potentialScore", "The potentialScore must be between 0 and 100.");
            return errors.Count > 0
                ? (null, errors)
                : (new NewAccount(Name!.Trim(), Industry!.Trim(), code!, (double)(Latitude ?? 0), (double)(Longitude ?? 0), AnnualRevenue ?? 0, Employees ?? 0, PotentialScore ?? 50), errors);
        }
    }
}
