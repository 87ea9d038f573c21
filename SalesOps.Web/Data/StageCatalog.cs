using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Data;

/// <summary>The pipeline stages, read once at start-up: every board, tile and API call needs them.</summary>
public sealed class StageCatalog(IDbContextFactory<SalesOpsDbContext> factory)
{
    private IReadOnlyList<Stage> _stages = [];

    public IReadOnlyList<Stage> All => _stages;

    // Read on every board and dashboard load: worked out once when the stages are loaded.
    public IReadOnlyList<int> OrderedIds { get; private set; } = [];
    public IReadOnlyList<int> OpenIds { get; private set; } = [];
    public int WonId { get; private set; }
    public int LostId { get; private set; }

    public Stage? Find(int id) => _stages.FirstOrDefault(s => s.Id == id);

    /// <summary>Matches a stage by name, ignoring case and spaces ("closed won" is not a stage; "Won" is).</summary>
    public Stage? FindByName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _stages.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
        OrderedIds = stages.Select(s => s.Id).ToList();
        OpenIds = stages.Where(s => !s.IsClosed).Select(s => s.Id).ToList();
        WonId = stages.Single(s => s.IsWon).Id;
        LostId = stages.Single(s => s.IsLost).Id;
        _stages = stages;
    }
}
