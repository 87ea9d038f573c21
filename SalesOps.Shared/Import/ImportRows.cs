using SalesOps.Shared.Territories;

namespace SalesOps.Shared.Import;

public sealed record AccountRow(string Name, string Industry, decimal Revenue, int Employees, string RegionCode, string? Parent);

public sealed record ProductRow(string Name, string Series, decimal ListPrice);

public sealed record RepRow(string Name, string? Manager, string? Team);

/// <param name="Amount">Null when the export left it empty (open deals often do).</param>
public sealed record DealRow(
    string Id, string Rep, int StageId, bool IsClosed, string? Product, string? Account, decimal? Amount, string? Name,
    DateOnly? CreatedOn, DateOnly? EngagedOn, DateOnly? ExpectedClose, DateOnly? ClosedOn);

/// <summary>Turns the current record of an <see cref="ImportFile"/> into a row, or lists why it cannot.</summary>
public static class ImportRows
{
    public const int MaxName = 200;

    public static AccountRow? Account(ImportFile file, ImportMapping mapping, ICollection<ImportProblem> problems)
    {
        var before = problems.Count;
        var name = Text(file, ImportFields.Name, problems, required: true);
        var revenue = Amount(file, ImportFields.Revenue, problems);
        var employees = Whole(file, ImportFields.Employees, problems);
        return problems.Count > before || name is null ? null : new AccountRow(
            name,
            Text(file, ImportFields.Industry, problems) ?? "",
            (revenue ?? 0) * mapping.RevenueMultiplier,
            employees ?? 0,
            Region(file.Get(ImportFields.Region)),
            Text(file, ImportFields.Parent, problems));
    }

    public static ProductRow? Product(ImportFile file, ICollection<ImportProblem> problems)
    {
        var before = problems.Count;
        var name = Text(file, ImportFields.Name, problems, required: true);
        var price = Amount(file, ImportFields.Price, problems);
        return problems.Count > before || name is null ? null : new ProductRow(name, Text(file, ImportFields.Series, problems) ?? "", price ?? 0);
    }

    public static RepRow? Rep(ImportFile file, ICollection<ImportProblem> problems)
    {
        var before = problems.Count;
        var name = Text(file, ImportFields.Name, problems, required: true);
        var manager = Text(file, ImportFields.Manager, problems);
        var team = Text(file, ImportFields.Team, problems);
        return problems.Count > before || name is null ? null : new RepRow(name, manager, team);
    }

    public static DealRow? Deal(ImportFile file, ImportMapping mapping, StageNames stages, IReadOnlySet<int> closedStageIds, ICollection<ImportProblem> problems)
    {
        var before = problems.Count;
        var id = Text(file, ImportFields.Id, problems, required: true);
        var rep = Text(file, ImportFields.Rep, problems, required: true);
        var stageText = file.Get(ImportFields.Stage);
        var stageId = stages.Find(stageText);
        if (stageText is null)
        {
            problems.Add(file.Problem(ImportFields.Stage, "The stage is empty."));
        }
        else if (stageId is null)
        {
            problems.Add(file.Problem(ImportFields.Stage, $"'{stageText}' is not a stage we know; map it to one of ours."));
        }

        var amount = Amount(file, ImportFields.Amount, problems);
        if (amount < 0)
        {
            problems.Add(file.Problem(ImportFields.Amount, "The amount is negative."));
        }

        var created = Date(file, ImportFields.CreatedOn, mapping, problems);
        var engaged = Date(file, ImportFields.EngagedOn, mapping, problems);
        var expected = Date(file, ImportFields.ExpectedClose, mapping, problems);
        var closed = Date(file, ImportFields.ClosedOn, mapping, problems);
        if (problems.Count > before || id is null || rep is null || stageId is not { } stage)
        {
            return null;
        }

        var isClosed = closedStageIds.Contains(stage);
        if (isClosed && closed is null)
        {
            problems.Add(file.Problem(ImportFields.ClosedOn, "A won or lost deal needs its close date."));
            return null;
        }

        return new DealRow(
            id, rep, stage, isClosed, Text(file, ImportFields.Product, problems), Text(file, ImportFields.Account, problems), amount,
            Text(file, ImportFields.Name, problems), created, engaged,
            expected ?? closed,
            isClosed ? closed : null);
    }

    /// <summary>A country name ("United States"), an ISO code ("US", "US-CA") or nothing ("" when unknown).</summary>
    public static string Region(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        if (RegionCodes.TryNormalize(text, out var code))
        {
            return code;
        }

        var key = ImportValues.Key(text);
        if (CommonNames.TryGetValue(key, out var common))
        {
            return common;
        }

        return RegionCodes.Countries.FirstOrDefault(c => ImportValues.Key(c.Name) == key)?.Code
            ?? RegionCodes.UsSubdivisions.FirstOrDefault(c => ImportValues.Key(c.Name) == key)?.Code
            ?? "";
    }

    /// <summary>Short names exports use for countries whose ISO names are long.</summary>
    private static readonly Dictionary<string, string> CommonNames = new(StringComparer.Ordinal)
    {
        ["UNITEDSTATES"] = "US", ["USA"] = "US", ["UNITEDKINGDOM"] = "GB", ["UK"] = "GB", ["GREATBRITAIN"] = "GB", ["KOREA"] = "KR",
        ["SOUTHKOREA"] = "KR", ["RUSSIA"] = "RU", ["VIETNAM"] = "VN", ["IRAN"] = "IR", ["TAIWAN"] = "TW", ["BOLIVIA"] = "BO",
        ["VENEZUELA"] = "VE", ["TANZANIA"] = "TZ", ["SYRIA"] = "SY", ["MOLDOVA"] = "MD", ["CZECHREPUBLIC"] = "CZ", ["LAOS"] = "LA",
        ["PHILIPPINES"] = "PH", ["PHILIPINES"] = "PH",
    };

    private static string? Text(ImportFile file, string field, ICollection<ImportProblem> problems, bool required = false)
    {
        var value = file.Get(field);
        if (value is null)
        {
            if (required)
            {
                problems.Add(file.Problem(field, "This value is required."));
            }

            return null;
        }

        if (value.Length > MaxName)
        {
            problems.Add(file.Problem(field, $"Longer than {MaxName} characters."));
            return null;
        }

        return value;
    }

    private static decimal? Amount(ImportFile file, string field, ICollection<ImportProblem> problems)
    {
        var value = file.Get(field);
        if (value is null)
        {
            return null;
        }

        if (!ImportValues.TryParseAmount(value, out var amount) || Math.Abs(amount) > 1_000_000_000_000m)
        {
            problems.Add(file.Problem(field, $"'{Short(value)}' is not an amount."));
            return null;
        }

        return decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
    }

    private static int? Whole(ImportFile file, string field, ICollection<ImportProblem> problems)
    {
        var value = file.Get(field);
        if (value is null)
        {
            return null;
        }

        if (!ImportValues.TryParseAmount(value, out var number) || number < 0 || number > int.MaxValue || number != decimal.Truncate(number))
        {
            problems.Add(file.Problem(field, $"'{Short(value)}' is not a whole number."));
            return null;
        }

        return (int)number;
    }

    private static DateOnly? Date(ImportFile file, string field, ImportMapping mapping, ICollection<ImportProblem> problems)
    {
        var value = file.Get(field);
        if (value is null)
        {
            return null;
        }

        if (!ImportValues.TryParseDate(value, mapping.DayFirstDates, out var date))
        {
            problems.Add(file.Problem(field, $"'{Short(value)}' is not a date ({(mapping.DayFirstDates ? "d/m/yyyy" : "m/d/yyyy")} or yyyy-mm-dd)."));
            return null;
        }

        return date;
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
