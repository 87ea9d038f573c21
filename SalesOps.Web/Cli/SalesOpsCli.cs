namespace SalesOps.Web.Cli;

/// <summary>
/// <c>SalesOps.Web &lt;group&gt; &lt;verb&gt; …</c>: what a script or a container runs instead of the web app, e.g. to
/// create a real company's first admin. Exit codes: 0 done, 1 refused or failed, 2 usage.
/// </summary>
public static class SalesOpsCli
{
    private static readonly CliCommand[] Commands = [new UsersAddCommand(), new ApiKeysAddCommand(), new ImportCommand()];

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Any(c => c.Group == args[0]);

    public static async Task<int> RunAsync(string[] args, CliConsole console, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var group = Commands.Where(c => c.Group == args[0]).ToList();
        var oneWord = group.FirstOrDefault(c => c.Verb.Length == 0);
        var command = oneWord ?? (args.Length > 1 ? group.FirstOrDefault(c => c.Verb == args[1]) : null);
        if (command is null)
        {
            var asked = args.Length > 1 && IsHelp(args[1]);
            if (!asked)
            {
                console.Error.WriteLine(args.Length > 1 ? $"Unknown command '{args[0]} {args[1]}'." : $"'{args[0]}' needs a command.");
            }

            (asked ? console.Out : console.Error).WriteLine(string.Join(Environment.NewLine + Environment.NewLine, group.Select(c => c.Usage)));
            return asked ? 0 : 2;
        }

        var rest = oneWord is null ? args[2..] : args[1..];
        if (rest.Any(IsHelp))
        {
            console.Out.WriteLine(command.Usage);
            return 0;
        }

        try
        {
            if (rest.Any(a => a.StartsWith("--password", StringComparison.OrdinalIgnoreCase)))
            {
                throw new CliUsageException(
                    $"Passwords are never taken as arguments (shell history and process lists keep them): set {UsersAddCommand.PasswordVariable} or answer the prompt.");
            }

            await using var host = new CliHost(settings);
            return await command.RunAsync(CliArguments.Parse(rest, command.Flags), console, host, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            console.Error.WriteLine(ex.Message);
            console.Error.WriteLine();
            console.Error.WriteLine(command.Usage);
            return 2;
        }
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "help";
}
