using System.Globalization;

namespace SalesOps.Bench;

/// <summary>The command's <c>--name value</c> options; every option must be read once, so a typo is an error, not a silent default.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(string command) => Command = command;

    public string Command { get; }

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "");
        for (var i = parsed.Command.Length > 0 ? 1 : 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._options[arg[2..]] = hasValue ? args[++i] : null;
        }

        return parsed;
    }

    public bool Flag(string name) => _options.Remove(name);

    public string? Text(string name) => _options.Remove(name, out var value) ? value ?? throw new UsageException($"--{name} needs a value.") : null;

    public string RequiredText(string name) => Text(name) ?? throw new UsageException($"--{name} is required.");

    public int? Number(string name, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a whole number from {min} to {max}.");
        }

        return value;
    }

    public DateOnly? Date(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--{name} must be a date as yyyy-MM-dd.");
    }

    /// <summary>Call after reading every option the command knows.</summary>
    public void EnsureAllRead()
    {
        if (_options.Count > 0)
        {
            throw new UsageException($"Unknown option(s): {string.Join(", ", _options.Keys.Select(k => "--" + k))}.");
        }
    }
}

public sealed class UsageException(string message) : Exception(message);
