using SalesOps.Shared.Access;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Cli;

/// <summary><c>apikeys add</c>: a key for a CRM or script, made by the same service (and audit) as the admin page's.</summary>
public sealed class ApiKeysAddCommand : CliCommand
{
    /// <summary>Who the audit log names for keys made here: whoever ran the command had the database in hand.</summary>
    private static readonly Actor CommandLine = new("command line", Roles.Admin);

    public override string Group => "apikeys";

    public override string Verb => "add";

    public override string Usage => """
        apikeys add <name>
            Creates an API key for a CRM or script (sent as the X-Api-Key header). The key is shown once, alone on the
            last line of the output; the database keeps only its hash.
        """;

    public override async Task<int> RunAsync(CliArguments args, CliConsole console, CliHost host, CancellationToken cancellationToken)
    {
        var name = args.Single("key name").Trim();
        args.EnsureAllRead();
        if (name.Length is 0 or > 100)
        {
            throw new CliUsageException("A key needs a name of 1–100 characters.");
        }

        var services = await host.ServicesAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(CommandLine, name);
        console.Out.WriteLine($"Created API key '{created.Key.Name}' (id {created.Key.Id}). Store it now; it is not shown again:");
        console.Out.WriteLine(created.PlainKey);
        return 0;
    }
}
