using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using MicroCredentials.Host.Components;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Verification;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>Every text of the pages exists in Dutch, English and French, and every verdict, check and reason has one.</summary>
public sealed partial class SiteTextsTests
{
    private static readonly ResourceManager Resources = new(typeof(SiteTexts).FullName!, typeof(SiteTexts).Assembly);

    private static Dictionary<string, string> Texts(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new AssertionException($"No resources for '{language}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [TestCase("nl")]
    [TestCase("fr")]
    public void Resources_EveryKey_ExistsInLanguageWithSamePlaceholders(string language)
    {
        var english = Texts("en");
        var other = Texts(language);

        Assert.That(other.Keys, Is.EquivalentTo(english.Keys), $"{language} has exactly the English keys");
        foreach (var (key, text) in english)
        {
            Assert.That(other[key], Is.Not.Empty, key);
            Assert.That(Placeholders(other[key]), Is.EqualTo(Placeholders(text)), $"{key} in {language}");
        }
    }

    [Test]
    public void Resources_EveryVerdictCheckOutcomeAndReason_HasText()
    {
        var keys = Texts("en").Keys.ToHashSet();
        var reasons = typeof(VerificationReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        var needed = Enum.GetNames<Verdict>().SelectMany(v => new[] { "Verdict." + v, "Explain." + v })
            .Concat(Enum.GetNames<CheckId>().Select(c => "Check." + c))
            .Concat(Enum.GetNames<CheckOutcome>().Select(o => "Outcome." + o))
            .Concat(reasons.Select(r => "Reason." + r));

        Assert.That(needed.Where(k => !keys.Contains(k)), Is.Empty, "keys to add to SiteTexts.resx, .nl.resx and .fr.resx");
    }

    [Test]
    public void Components_EveryLiteralKeyUsed_Exists()
    {
        var keys = Texts("en").Keys.ToHashSet();
        var folder = RepositoryPaths.File("src", "MicroCredentials.Host");
        var used = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.That(used, Has.Count.GreaterThan(50));
        Assert.That(used.Where(k => !keys.Contains(k)), Is.Empty);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // t["Key"], T["Key", …] and T[nameof-free literals]: a literal key whose prefix is one of ours.
    [GeneratedRegex(@"\b[Tt]\[""([A-Z][A-Za-z]+\.[A-Za-z_]+)""")]
    private static partial Regex KeyUse();
}
