using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

/// <summary>A company that turned the demo off: no demo users, no demo key, no names on the sign-in page.</summary>
public class EmptyDatabaseTests : IAsyncLifetime
{
    private readonly string _directory = TestDatabase.NewDirectory();
    private SalesOpsAppFactory _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new SalesOpsAppFactory(Path.Combine(_directory, "empty.db"), _directory, seed: false);
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Without_the_demo_company_there_are_no_demo_users_keys_or_hints()
    {
        var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var login = await http.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoCompany.IngestKey);
        var ingest = await http.PostAsync("/api/deals", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(DemoCompany.AdminEmail, login);
        Assert.Equal(HttpStatusCode.Unauthorized, ingest.StatusCode);
        await using var db = await _app.Service<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(6, await db.Stages.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
