namespace SalesOps.Shared.Kpis;

/// <summary>A closed date range [Start, End].</summary>
public readonly record struct Period(DateOnly Start, DateOnly End)
{
    public static Period QuarterOf(DateOnly day)
    {
        var firstMonth = (day.Month - 1) / 3 * 3 + 1;
        var start = new DateOnly(day.Year, firstMonth, 1);
        return new Period(start, start.AddMonths(3).AddDays(-1));
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public Period Previous() => QuarterOf(Start.AddDays(-1));

    public override string ToString() => $"Q{(Start.Month - 1) / 3 + 1} {Start.Year}";
}
