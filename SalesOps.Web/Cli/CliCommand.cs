namespace SalesOps.Web.Cli;

/// <summary>One command-line command, e.g. <c>users add</c>. Return 0 when done, 1 when the request was refused or failed.</summary>
public abstract class CliCommand
{
    /// <summary>The first word, e.g. "users".</summary>
    public abstract string Group { get; }

    /// <summary>The second word, e.g. "add"; empty for a one-word command such as <c>import</c>.</summary>
    public abstract string Verb { get; }

    /// <summary>Options that take no value.</summary>
    public virtual IReadOnlyCollection<string> Flags => [];

    public abstract string Usage { get; }

    /// <param name="host">The app's services over the configured, migrated database; built on first use, after the arguments are checked.</param>
    public abstract Task<int> RunAsync(CliArguments args, CliConsole console, CliHost host, CancellationToken cancellationToken);
}
