namespace SalesOps.Shared.Domain;

/// <summary>
/// An entity guarded by an app-managed optimistic concurrency token. SQLite has no rowversion, so the
/// data layer bumps <see cref="Version"/> on every update and checks the original value in the WHERE clause.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
