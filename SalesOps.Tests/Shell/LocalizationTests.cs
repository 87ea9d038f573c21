using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SalesOps.Tests.Shell;

/// <summary>English and Romanian ship complete: same keys, no blanks, and every key the UI asks for exists.</summary>
public partial class LocalizationTests
{
    private static readonly string WebRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../SalesOps.Web"));

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void English_and_romanian_have_the_same_keys_and_no_blank_text()
    {
        var english = Load("Strings.resx");
        var romanian = Load("Strings.ro.resx");

        Assert.Equal(english.Keys.Order(), romanian.Keys.Order());
        Assert.DoesNotContain(english.Concat(romanian), kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        var english = Load("Strings.resx");
        var romanian = Load("Strings.ro.resx");

        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(romanian[key])), $"{key}: '{text}' vs '{romanian[key]}'");
        }
    }

    [Fact]
    public void Every_literal_key_the_ui_uses_exists()
    {
        var keys = Load("Strings.resx").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebRoot, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, u => !keys.Contains(u.Key));
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"L\[""([A-Za-z.]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
