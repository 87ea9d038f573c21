using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesOps.Shared.Import;

/// <summary>What a CSV file holds: it is recognised by its header carrying the kind's key columns.</summary>
public enum ImportFileKind { Accounts, Products, Reps, Deals }

/// <summary>Our fields, as the mapping names them (the keys of <see cref="ImportMapping"/>'s column maps).</summary>
public static class ImportFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Industry = "industry";
    public const string Revenue = "revenue";
    public const string Employees = "employees";
    public const string Region = "region";
    public const string Parent = "parent";
    public const string Series = "series";
    public const string Price = "price";
    public const string Manager = "manager";
    public const string Team = "team";
    public const string Rep = "rep";
    public const string Product = "product";
    public const string Account = "account";
    public const string Stage = "stage";
    public const string CreatedOn = "createdOn";
    public const string EngagedOn = "engagedOn";
    public const string ExpectedClose = "expectedClose";
    public const string ClosedOn = "closedOn";
    public const string Amount = "amount";

    /// <summary>Every field each kind of file can fill; the first is the one that must be mapped.</summary>
    public static readonly IReadOnlyDictionary<ImportFileKind, string[]> ByKind = new Dictionary<ImportFileKind, string[]>
    {
        [ImportFileKind.Accounts] = [Name, Industry, Revenue, Employees, Region, Parent],
        [ImportFileKind.Products] = [Name, Series, Price],
        [ImportFileKind.Reps] = [Name, Manager, Team],
        [ImportFileKind.Deals] = [Id, Rep, Stage, Product, Account, Amount, Name, CreatedOn, EngagedOn, ExpectedClose, ClosedOn],
    };

    /// <summary>The columns a file must have to be read as that kind.</summary>
    public static readonly IReadOnlyDictionary<ImportFileKind, string[]> Required = new Dictionary<ImportFileKind, string[]>
    {
        [ImportFileKind.Accounts] = [Name],
        [ImportFileKind.Products] = [Name],
        [ImportFileKind.Reps] = [Name],
        [ImportFileKind.Deals] = [Id, Rep, Stage],
    };
}

/// <summary>
/// How an export's columns and stage names map onto ours, saved as JSON and reused. The default reads the
/// four-file CRM export (accounts, products, sales_teams, sales_pipeline); a Salesforce or HubSpot export gets its
/// own column names here.
/// </summary>
public sealed record ImportMapping
{
    /// <summary>Per kind of file: our field → the export's column header.</summary>
    public Dictionary<ImportFileKind, Dictionary<string, string>> Columns { get; init; } = [];

    /// <summary>The export's stage name → our stage's name (matched ignoring case and spaces).</summary>
    public Dictionary<string, string> Stages { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Read d/m/y dates instead of US m/d/y (ISO dates are always read).</summary>
    public bool DayFirstDates { get; init; }

    /// <summary>What an account's revenue column counts in: 1,000,000 when the export gives millions.</summary>
    public decimal RevenueMultiplier { get; init; } = 1m;

    /// <summary>The header of <paramref name="field"/> in files of <paramref name="kind"/>, if mapped.</summary>
    public string? Column(ImportFileKind kind, string field) =>
        Columns.TryGetValue(kind, out var map) && map.TryGetValue(field, out var header) && !string.IsNullOrWhiteSpace(header) ? header : null;

    /// <summary>The four-file CRM export in docs/README (Maven Analytics' "CRM + Sales + Opportunities").</summary>
    public static ImportMapping CrmExport() => new()
    {
        Columns = new()
        {
            [ImportFileKind.Accounts] = new()
            {
                [ImportFields.Name] = "account", [ImportFields.Industry] = "sector", [ImportFields.Revenue] = "revenue",
                [ImportFields.Employees] = "employees", [ImportFields.Region] = "office_location", [ImportFields.Parent] = "subsidiary_of",
            },
            [ImportFileKind.Products] = new() { [ImportFields.Name] = "product", [ImportFields.Series] = "series", [ImportFields.Price] = "sales_price" },
            [ImportFileKind.Reps] = new() { [ImportFields.Name] = "sales_agent", [ImportFields.Manager] = "manager", [ImportFields.Team] = "regional_office" },
            [ImportFileKind.Deals] = new()
            {
                [ImportFields.Id] = "opportunity_id", [ImportFields.Rep] = "sales_agent", [ImportFields.Product] = "product",
                [ImportFields.Account] = "account", [ImportFields.Stage] = "deal_stage", [ImportFields.EngagedOn] = "engage_date",
                [ImportFields.ClosedOn] = "close_date", [ImportFields.Amount] = "close_value",
            },
        },
        Stages = new(StringComparer.OrdinalIgnoreCase) { ["Engaging"] = "Qualification" },
        RevenueMultiplier = 1_000_000m,
    };

    /// <summary>Which kind a file is, from its header: the kind whose required columns it has, deals first.</summary>
    public ImportFileKind? Recognize(IReadOnlyList<string> headers)
    {
        var set = new HashSet<string>(headers.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        foreach (var kind in new[] { ImportFileKind.Deals, ImportFileKind.Reps, ImportFileKind.Products, ImportFileKind.Accounts })
        {
            if (!Columns.TryGetValue(kind, out var map))
            {
                continue;
            }

            var required = ImportFields.Required[kind].Select(f => Column(kind, f)).ToList();
            if (required.All(c => c is not null && set.Contains(c)) && map.Values.Count(set.Contains) >= Math.Min(2, map.Count))
            {
                return kind;
            }
        }

        return null;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">Not a mapping.</exception>
    public static ImportMapping FromJson(string json)
    {
        var mapping = JsonSerializer.Deserialize<ImportMapping>(json, Json) ?? throw new JsonException("The mapping is empty.");
        // Comparers do not survive JSON.
        return mapping with { Stages = new Dictionary<string, string>(mapping.Stages, StringComparer.OrdinalIgnoreCase) };
    }
}
