namespace SalesOps.Web;

/// <summary>The "SalesOps" configuration section.</summary>
public sealed class SalesOpsOptions
{
    public const string Section = "SalesOps";

    /// <summary>
    /// Seed the demo company (its users with the published password, and the demo API key that can change any deal)
    /// when the database is empty. Unset means "only in Development", so a production start never opens that door.
    /// </summary>
    public bool? SeedDemoCompany { get; set; }

    public string DemoPassword { get; set; } = "SalesOps-demo-1";

    /// <summary>Pins the demo company's dates (yyyy-MM-dd); by default they are laid out back from the day of seeding.</summary>
    public DateOnly? DemoAnchorDate { get; set; }

    /// <summary>ISO 4217 code of the company's currency; amounts are shown in it, formatted for each user's culture.</summary>
    public string Currency { get; set; } = "USD";

    public string DataProtectionKeysPath { get; set; } = "App_Data/keys";
}
