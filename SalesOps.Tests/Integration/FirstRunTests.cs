using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web;
using SalesOps.Web.Cli;
using SalesOps.Web.Data;

namespace SalesOps.Tests.Integration;

/// <summary>A real company's first start: no demo users with a published password, no demo key, and a hint how to begin.</summary>
public class FirstRunTests
{
    [Fact]
    public async Task A_production_start_on_an_empty_database_seeds_nobody_and_logs_how_to_create_the_first_admin()
    {
        var directory = TestDatabase.NewDirectory();
        var logs = new CapturedLogs();
        await using var app = new SalesOpsAppFactory(Path.Combine(directory, "company.db"), directory, seed: null, configure: b => b
            .UseEnvironment(Environments.Production)
            .ConfigureLogging(l => l.AddProvider(logs)));
        app.StartServer();

        await using var db = await app.Service<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            (0, 0, 0, 0),
            (await db.Users.CountAsync(TestContext.Current.CancellationToken), await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken),
                await db.Teams.CountAsync(TestContext.Current.CancellationToken), await db.Deals.CountAsync(TestContext.Current.CancellationToken)));
        var hint = Assert.Single(logs.Entries, e => e.Category == typeof(DatabaseInitializer).FullName);
        Assert.Equal(LogLevel.Warning, hint.Level);
        Assert.Contains("dotnet run --project SalesOps.Web -- users add <email> --role Admin", hint.Message);
    }

    [Fact]
    public async Task A_database_whose_first_admin_was_created_gets_no_demo_company_even_where_the_demo_is_on()
    {
        var directory = TestDatabase.NewDirectory();
        var path = Path.Combine(directory, "company.db");
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, name => name == UsersAddCommand.PasswordVariable ? "Acme-first-run-1" : null, null);
        Assert.Equal(0, await SalesOpsCli.RunAsync(
            ["users", "add", "bea@acme.test", "--role", "Admin"], console,
            new Dictionary<string, string?> { ["ConnectionStrings:SalesOps"] = $"Data Source={path}", ["SalesOps:DataProtectionKeysPath"] = Path.Combine(directory, "keys") },
            TestContext.Current.CancellationToken));

        await using var app = new SalesOpsAppFactory(path, directory, seed: true);
        app.StartServer();

        await using var db = await app.Service<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["bea@acme.test"], await db.Users.Select(u => u.Email!).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Teams.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null, "Development", true)]
    [InlineData(null, "Production", false)]
    [InlineData(null, "Staging", false)]
    [InlineData(true, "Production", true)]
    [InlineData(false, "Development", false)]
    public void The_demo_company_is_seeded_in_development_or_when_asked_for(bool? setting, string environment, bool seeds)
    {
        var initializer = new DatabaseInitializer(
            null!, null!, null!, Options.Create(new SalesOpsOptions { SeedDemoCompany = setting }), new Environment(environment), null!);

        Assert.Equal(seeds, initializer.SeedsDemoCompany);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SalesOps.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
