namespace SalesOps.Web.Cli;

/// <summary>One command-line command, e.g. <c>users add</c>. Return 0 when done, 1 when the request was refused or failed.</summary>
public abstract class CliCommand
{
    /// <summary>The first word, e.g. "users".</summary>
    public abstract string Group { get; }

    /// <summary>The second word, e.g. "add".</summary>
    public abstract string Verb { get; }

    public abstract string Usage { get; }

    /// <param name="host">The app's services over the configured, migrated database; built on first use, after the arguments are checked.</param>
    public abstract Task<int> RunAsync(CliArguments args, CliConsole console, CliHost host, CancellationToken cancellationToken);
}
