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

    public static Period MonthOf(DateOnly day)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        return new Period(start, start.AddMonths(1).AddDays(-1));
    }

    public static Period YearOf(DateOnly day) => new(new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public Period Previous() => QuarterOf(Start.AddDays(-1));

    public override string ToString() => $"Q{(Start.Month - 1) / 3 + 1} {Start.Year}";
}

/// <summary>
/// The calendar day an instant falls on for someone in a given time zone. "Today", "this month" and "this quarter"
/// are always the user's: a deal closed at 01:30 on 1 January in Bucharest (23:30 UTC the day before) is Q1's.
/// </summary>
public static class UserDay
{
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
