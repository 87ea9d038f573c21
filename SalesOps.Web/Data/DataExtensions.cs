using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Web.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddSalesOpsData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("SalesOps")
            ?? throw new InvalidOperationException("ConnectionStrings:SalesOps is not set.");
        connectionString = ResolveSqlitePath(connectionString, builder.Environment.ContentRootPath);

        builder.Services.AddOptions<SalesOpsOptions>().BindConfiguration(SalesOpsOptions.Section).ValidateOnStart();
        builder.Services.AddDbContextFactory<SalesOpsDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
        builder.Services.AddSingleton<StageCatalog>();
        builder.Services.AddScoped<DemoCompanySeeder>();
        // Also resolvable on its own: the command line migrates without starting the app.
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        return builder;
    }

    /// <summary>
    /// A relative SQLite file is placed under the content root (not the process's working directory),
    /// its folder is created, and a busy timeout is set so a second writer waits instead of failing.
    /// </summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } path && path != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            csb.DataSource = full;
        }

        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            csb.DefaultTimeout = 30;
        }

        return csb.ToString();
    }
}
