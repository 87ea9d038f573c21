using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Data;

/// <summary>The pipeline stages, read once at start-up: every board, tile and API call needs them.</summary>
public sealed class StageCatalog(IDbContextFactory<SalesOpsDbContext> factory)
{
    private IReadOnlyList<Stage> _stages = [];

    public IReadOnlyList<Stage> All => _stages;
    public IReadOnlyList<int> OrderedIds => _stages.Select(s => s.Id).ToList();
    public IReadOnlyList<int> OpenIds => _stages.Where(s => !s.IsClosed).Select(s => s.Id).ToList();
    public int WonId => _stages.Single(s => s.IsWon).Id;
    public int LostId => _stages.Single(s => s.IsLost).Id;

    public Stage? Find(int id) => _stages.FirstOrDefault(s => s.Id == id);

    /// <summary>Matches a stage by name, ignoring case and spaces ("closed won" is not a stage; "Won" is).</summary>
    public Stage? FindByName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _stages.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        _stages = await db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
    }
}
