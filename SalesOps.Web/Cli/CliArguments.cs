namespace SalesOps.Web.Cli;

/// <summary>A usage mistake: the command prints it with its usage and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>
/// A command's words after its name: positional values and <c>--name value</c> options. Every option must be read,
/// so a misspelt one is an error rather than a silent default.
/// </summary>
public sealed class CliArguments
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    /// <param name="flags">Options that take no value, e.g. <c>--skip-bad-rows</c>.</param>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string>? flags = null)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._positional.Add(args[i]);
                continue;
            }

            var name = args[i][2..];
            if (flags?.Contains(name) == true)
            {
                if (!parsed._options.TryAdd(name, "true"))
                {
                    throw new CliUsageException($"--{name} is given twice.");
                }

                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"--{name} needs a value.");
            }

            if (!parsed._options.TryAdd(name, args[++i]))
            {
                throw new CliUsageException($"--{name} is given twice.");
            }
        }

        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Whether a flag (an option without a value) was given.</summary>
    public bool Flag(string name) => _options.Remove(name);

    public string? Option(string name) => _options.Remove(name, out var value) ? value : null;

    public int? IntOption(string name) => Option(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new CliUsageException($"--{name} must be a positive whole number (an id).");

    /// <summary>The one positional value the command takes, e.g. the e-mail of <c>users add</c>.</summary>
    public string OnlyPositional(string what)
    {
        return _positional.Count switch
        {
            1 => _positional[0],
            0 => throw new CliUsageException($"Missing {what}."),
            _ => throw new CliUsageException($"Expected one {what}, got: {string.Join(" ", _positional)}."),
        };
    }

    /// <summary>Call after reading every option the command knows.</summary>
    public void EnsureAllRead()
    {
        if (_options.Count > 0)
        {
            throw new CliUsageException($"Unknown option(s): {string.Join(", ", _options.Keys.Select(k => "--" + k))}.");
        }
    }
}
