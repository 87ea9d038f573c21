using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data;

namespace SalesOps.Tests.Integration;

/// <summary>Two writers read the same row; the second to save must fail instead of silently overwriting the first.</summary>
public class ConcurrencyTests : AppTest
{
    [Fact]
    public Task A_stale_deal_write_raises_a_conflict() =>
        AssertStaleWriteConflicts<Deal>(d => d.Amount += 1, d => d.Amount += 2, d => d.Amount);

    [Fact]
    public Task A_stale_account_write_raises_a_conflict() =>
        AssertStaleWriteConflicts<Account>(a => a.PotentialScore = 1, a => a.PotentialScore = 2, a => a.PotentialScore);

    [Fact]
    public Task A_stale_territory_write_raises_a_conflict() =>
        AssertStaleWriteConflicts<Territory>(t => t.Color = "#000001", t => t.Color = "#000002", t => t.Color);

    [Fact]
    public Task A_stale_quota_write_raises_a_conflict() =>
        AssertStaleWriteConflicts<Quota>(q => q.Amount += 1, q => q.Amount += 2, q => q.Amount);

    private async Task AssertStaleWriteConflicts<T>(Action<T> first, Action<T> second, Func<T, object> value) where T : class, IVersioned
    {
        var factory = App.Service<IDbContextFactory<SalesOpsDbContext>>();
        await using var alice = await factory.CreateDbContextAsync();
        await using var bob = await factory.CreateDbContextAsync();
        var aliceCopy = await alice.Set<T>().OrderBy(e => EF.Property<int>(e, "Id")).FirstAsync();
        var bobCopy = await bob.Set<T>().OrderBy(e => EF.Property<int>(e, "Id")).FirstAsync();
        var originalVersion = aliceCopy.Version;

        first(aliceCopy);
        await alice.SaveChangesAsync();
        second(bobCopy);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());
        await using var check = await factory.CreateDbContextAsync();
        var stored = await check.Set<T>().AsNoTracking().OrderBy(e => EF.Property<int>(e, "Id")).FirstAsync();
        Assert.Equal(originalVersion + 1, stored.Version);
        Assert.Equal(value(aliceCopy), value(stored));
    }
}
