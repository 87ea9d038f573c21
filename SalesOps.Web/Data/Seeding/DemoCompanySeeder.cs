namespace SalesOps.Web.Data.Seeding;

/// <summary>Seeds the demo company into an empty database. (Being written: see the helper's task.)</summary>
public sealed class DemoCompanySeeder
{
    public Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
