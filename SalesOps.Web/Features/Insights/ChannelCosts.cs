using System.Globalization;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Features.Insights;

/// <summary>The channel page's costs per rep and month as a URL value ("Field:9000,Phone:4000").</summary>
public static class ChannelCosts
{
    public const decimal MaxCost = 10_000_000m;

    /// <summary>Reads what it can: unknown channels, bad numbers and costs out of range are dropped (the value comes from a browser).</summary>
    public static IReadOnlyDictionary<SalesChannel, decimal> Parse(string? text)
    {
        var costs = new Dictionary<SalesChannel, decimal>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(Enum.GetValues<SalesChannel>().Length))
        {
            var pair = part.Split(':');
            if (pair.Length == 2
                && Enum.TryParse<SalesChannel>(pair[0], ignoreCase: true, out var channel) && Enum.IsDefined(channel) && !int.TryParse(pair[0], out _)
                && decimal.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cost) && cost is > 0 and <= MaxCost)
            {
                costs[channel] = cost;
            }
        }

        return costs;
    }

    public static string Format(IReadOnlyDictionary<SalesChannel, decimal> costs) =>
        string.Join(',', costs.OrderBy(c => c.Key).Select(c => c.Key + ":" + c.Value.ToString(CultureInfo.InvariantCulture)));
}
