namespace SalesOps.Web.Components.Charts;

public enum ChartKind { Bar, Line, Area, Donut }

public enum ChartValueFormat { Number, Money, Percent }

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Data);

/// <summary>
/// The subset of ApexCharts options SalesOps uses, typed. <see cref="ApexChart"/> adds the user's locale,
/// currency and theme before handing it to the library. <c>Links</c>, one per category, makes each bar a link
/// (a page using it also lists them as ordinary links: bars cannot take the keyboard focus).
/// </summary>
public sealed record ChartSpec(
    ChartKind Type,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    ChartValueFormat ValueFormat = ChartValueFormat.Number,
    int Height = 300,
    bool Stacked = false,
    IReadOnlyList<string>? Colors = null,
    IReadOnlyList<string>? Links = null);
