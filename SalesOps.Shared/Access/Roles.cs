namespace SalesOps.Shared.Access;

public static class Roles
{
    public const string Rep = "Rep";
    public const string Manager = "Manager";
    public const string Analyst = "Analyst";
    public const string VP = "VP";
    public const string Admin = "Admin";

    /// <summary>Not a person: a CRM or other system pushing changes with an API key.</summary>
    public const string Integration = "Integration";

    public static readonly IReadOnlyList<string> People = [Rep, Manager, Analyst, VP, Admin];
}
