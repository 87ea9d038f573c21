namespace SalesOps.Shared.Domain;

public enum AliasKind { Account, Product }

/// <summary>
/// A name an export uses for a row we already have under another name ("GTXPro" for "GTX Pro", or a duplicate
/// account merged away): imports resolve it to <see cref="TargetId"/>, so a fix made once survives re-imports.
/// </summary>
public class SourceAlias
{
    public int Id { get; set; }
    public AliasKind Kind { get; set; }

    /// <summary>The name as <c>ImportValues.Key</c> normalises it.</summary>
    public required string Key { get; set; }
    public int TargetId { get; set; }
}
