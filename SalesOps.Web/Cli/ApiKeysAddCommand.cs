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
        apikeys add <name> [--access read-write|read-only] [--teams <id>,<id>…]
            Creates an API key for a CRM or script (sent as the X-Api-Key header). The key is shown once, alone on the
            last line of the output; the database keeps only its hash.
            --access  read-write (default: create and change deals, hear live events) or read-only (hear events only)
            --teams   the teams whose deals the key sees and changes (default: the whole company)
        """;

    public override async Task<int> RunAsync(CliArguments args, CliConsole console, CliHost host, CancellationToken cancellationToken)
    {
        var name = args.OnlyPositional("key name").Trim();
        var readOnly = args.Option("access") switch
        {
            null or "read-write" => false,
            "read-only" => true,
            var other => throw new CliUsageException($"--access is read-write or read-only, not '{other}'."),
        };
        var teamIds = args.Option("teams") is { } teams ? ParseTeams(teams) : null;
        args.EnsureAllRead();
        if (name.Length is 0 or > 100)
        {
            throw new CliUsageException("A key needs a name of 1–100 characters.");
        }

        var services = await host.ServicesAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        ApiKeyService.CreatedKey created;
        try
        {
            created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(CommandLine, name, new ApiKeyScope(readOnly, teamIds));
        }
        catch (ArgumentException ex)
        {
            // e.g. a team id that does not exist: refused like any other rule, not a usage mistake.
            console.Error.WriteLine(ex.Message);
            return 1;
        }

        console.Out.WriteLine($"Created API key '{created.Key.Name}' (id {created.Key.Id}). Store it now; it is not shown again:");
        console.Out.WriteLine(created.PlainKey);
        return 0;
    }

    private static int[] ParseTeams(string text)
    {
        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return ids.Length > 0 && ids.All(id => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0)
            ? ids.Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : throw new CliUsageException($"--teams takes team ids separated by commas, e.g. 1,3; got '{text}'.");
    }
}
