using Microsoft.Extensions.Logging.Console;
using SalesOps.Web.Data;

namespace SalesOps.Web.Cli;

/// <summary>
/// The app's own services, built as the web app builds them but never started: no Kestrel, no hosted services, no
/// demo seeding. The database is migrated first, so a command works on a brand-new file.
/// </summary>
/// <param name="settings">Configuration over appsettings and the environment (tests point it at their own database).</param>
public sealed class CliHost(IReadOnlyDictionary<string, string?>? settings) : IAsyncDisposable
{
    private WebApplication? _app;

    public async Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            // No args: a command's own options (--role, --name) are not configuration.
            var builder = WebApplication.CreateBuilder();
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            // Logs go to stderr only, so stdout holds just the command's answer (a script reads the key off the last line).
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddSalesOps();
            _app = builder.Build();
            await _app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        }

        return _app.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
