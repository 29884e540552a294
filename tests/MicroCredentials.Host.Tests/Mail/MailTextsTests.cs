using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Mail;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>Every text of the e-mail and of the staff e-mail pages exists in Dutch, English and French with the same placeholders.</summary>
public sealed partial class MailTextsTests
{
    [TestCase(typeof(MailTexts), "nl")]
    [TestCase(typeof(MailTexts), "fr")]
    [TestCase(typeof(StaffTexts), "nl")]
    [TestCase(typeof(StaffTexts), "fr")]
    public void Resources_MailKeys_ExistInLanguageWithSamePlaceholders(Type texts, string language)
    {
        var resources = new ResourceManager(texts.FullName!, texts.Assembly);
        var english = Mail(resources, CultureInfo.InvariantCulture);
        var other = Mail(resources, CultureInfo.GetCultureInfo(language));
        Assert.That(english, Is.Not.Empty);
        Assert.That(other.Keys, Is.EquivalentTo(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.That(Placeholders(other[key]), Is.EqualTo(Placeholders(text)), $"{key} in {language}");
        }
    }

    private static Dictionary<string, string> Mail(ResourceManager resources, CultureInfo culture) =>
        (resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new AssertionException($"no resources for {culture}"))
        .Cast<DictionaryEntry>().Where(e => ((string)e.Key).StartsWith("Mail.", StringComparison.Ordinal))
        .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
