using SalesOps.Shared.Access;

namespace SalesOps.Web.Data.Seeding;

/// <summary>The fixed names the README, examples and tests rely on.</summary>
public static class DemoCompany
{
    public const string Domain = "demo.salesops";
    public const string AdminEmail = "admin@" + Domain;
    public const string VpEmail = "vp@" + Domain;
    public const string ManagerEmail = "manager@" + Domain;
    public const string AnalystEmail = "analyst@" + Domain;
    public const string RepEmail = "rep@" + Domain;
    public const string IngestKey = "demo-ingest-key";
    public const int Seed = 20261127;

    public sealed record DemoUser(string Email, string Role, string DisplayName);

    /// <summary>The sign-in page's list; the other reps of the demo company sign in with their own e-mail.</summary>
    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new(AdminEmail, Roles.Admin, "Ada Admin"),
        new(VpEmail, Roles.VP, "Victoria Popescu"),
        new(ManagerEmail, Roles.Manager, "Mihai Ionescu"),
        new(AnalystEmail, Roles.Analyst, "Ana Radu"),
        new(RepEmail, Roles.Rep, "Robert Chen"),
    ];
}
