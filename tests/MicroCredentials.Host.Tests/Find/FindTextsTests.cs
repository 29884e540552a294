using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Find;

/// <summary>Every <c>Find.</c> text of the staff app exists in Dutch, English and French, and every key the find pages use exists.</summary>
public sealed partial class FindTextsTests
{
    private static readonly ResourceManager Resources = new(typeof(StaffTexts).FullName!, typeof(StaffTexts).Assembly);

    private static Dictionary<string, string> FindTexts(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new AssertionException($"No staff resources for '{language}'.");
        return set.Cast<DictionaryEntry>().Where(e => ((string)e.Key).StartsWith("Find.", StringComparison.Ordinal))
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [TestCase("nl")]
    [TestCase("fr")]
    public void FindTexts_EveryKey_InLanguageWithSamePlaceholders(string language)
    {
        var english = FindTexts("en");
        var other = FindTexts(language);

        Assert.That(other.Keys, Is.EquivalentTo(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.That(other[key], Is.Not.Empty, key);
            Assert.That(Placeholders(other[key]), Is.EqualTo(Placeholders(text)), $"{key} in {language}");
        }
    }

    [Test]
    public void FindPages_EveryLiteralKeyAndEveryComposedKey_Exists()
    {
        var keys = FindTexts("en").Keys.ToHashSet();
        var folders = new[] { RepositoryPaths.File("src", "MicroCredentials.Host", "Components", "Staff", "Find"), RepositoryPaths.File("src", "MicroCredentials.Host", "Staff", "Find") };
        var used = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var composed = Enum.GetNames<Data.CredentialState>().Select(s => "Find.State." + s)
            .Concat(Enum.GetNames<Host.Staff.Find.FindAction>().SelectMany(a => new[]
            {
                "Find.Action." + a, "Find.Done." + a, "Find.Confirm." + a, "Find.Confirm.Do." + a, "Find.Explain." + a,
            }));

        Assert.That(used, Has.Count.GreaterThan(40));
        Assert.That(used.Concat(composed).Where(k => !keys.Contains(k)), Is.Empty);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // A whole literal key (S["Find.Title"], S["Find.Found", n]); a prefix joined to a name ("Find.State." + s) is checked as composed.
    [GeneratedRegex(@"\b[Ss]\[""(Find\.[A-Za-z.]*[A-Za-z])""\s*[\],]")]
    private static partial Regex KeyUse();
}
