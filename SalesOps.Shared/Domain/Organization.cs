namespace SalesOps.Shared.Domain;

public class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public string? ManagerName { get; set; }

    /// <summary>The id this row has in the CRM export it was imported from; re-imports update it instead of adding another.</summary>
    public string? ExternalId { get; set; }
    public List<Rep> Reps { get; set; } = [];
}

public class Rep
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public string Title { get; set; } = "Account Executive";
    public SalesChannel Channel { get; set; }
    public DateOnly HireDate { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The id this row has in the CRM export it was imported from; re-imports update it instead of adding another.</summary>
    public string? ExternalId { get; set; }
}

public class Territory : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TerritoryKind Kind { get; set; }

    /// <summary>Region codes the territory covers: ISO 3166-2 for US states ("US-TX"), ISO 3166-1 alpha-2 for countries ("DE").</summary>
    public List<string> Regions { get; set; } = [];
    public int? OwnerRepId { get; set; }
    public Rep? OwnerRep { get; set; }
    public string Color { get; set; } = "#1E88E5";
    public int Version { get; set; }
}

public class Account : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Industry { get; set; }

    /// <summary>ISO 3166-2 for a US state ("US-TX"), ISO 3166-1 alpha-2 for a country ("DE"); see <c>RegionCodes</c>.</summary>
    public required string RegionCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public decimal AnnualRevenue { get; set; }
    public int Employees { get; set; }

    /// <summary>0–100: how much more this account could buy.</summary>
    public int PotentialScore { get; set; }
    public int? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public int? OwnerRepId { get; set; }
    public Rep? OwnerRep { get; set; }
    public int? ParentAccountId { get; set; }

    /// <summary>The id this row has in the CRM export it was imported from; re-imports update it instead of adding another.</summary>
    public string? ExternalId { get; set; }
    public int Version { get; set; }
}

public class Product
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Series { get; set; }
    public decimal ListPrice { get; set; }

    /// <summary>The id this row has in the CRM export it was imported from; re-imports update it instead of adding another.</summary>
    public string? ExternalId { get; set; }
}
