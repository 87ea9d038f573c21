using System.Text;

namespace SalesOps.Web.Cli;

/// <summary>What a command reads and writes besides its arguments; tests hand in their own.</summary>
/// <param name="Environment">Reads an environment variable.</param>
/// <param name="ReadSecret">Asks for a secret without echoing it; null when nobody is at a terminal to answer.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment, Func<string, string?>? ReadSecret)
{
    public static CliConsole System() => new(
        Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable, Console.IsInputRedirected ? null : ReadHidden);

    private static string? ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Backspace when secret.Length > 0:
                    secret.Length--;
                    break;
                case ConsoleKey.C when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    Console.Error.WriteLine();
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }
}
