using Microsoft.Data.Sqlite;

namespace SalesOps.Tests.Infrastructure;

/// <summary>
/// Seeding the demo company takes a few seconds, so it happens once per test run into a template file;
/// every test then starts from its own copy of that file.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "salesops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A fresh copy of the seeded demo company in its own folder; returns the database path.</summary>
    public static async Task<string> CopyOfDemoCompanyAsync(string directory)
    {
        var template = await TemplateAsync();
        var path = Path.Combine(directory, "salesops.db");
        File.Copy(template, path);
        return path;
    }

    private static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var dir = NewDirectory();
            var path = Path.Combine(dir, "template.db");
            await using (var app = new SalesOpsAppFactory(path, dir))
            {
                // Starting the host migrates and seeds.
                app.StartServer();
            }

            // Close pooled connections so SQLite checkpoints the WAL into the main file before it is copied.
            SqliteConnection.ClearAllPools();
            _template = path;
            return path;
        }
        finally
        {
            Gate.Release();
        }
    }
}
