using Microsoft.AspNetCore.Identity;

namespace SalesOps.Web.Auth;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The rep record of a Rep user: what "my deals" means.</summary>
    public int? RepId { get; set; }

    /// <summary>The team a Manager runs, or a Rep belongs to.</summary>
    public int? TeamId { get; set; }

    /// <summary>The user's language and formatting culture ("en-US" or "ro-RO").</summary>
    public string Culture { get; set; } = "en-US";
}
