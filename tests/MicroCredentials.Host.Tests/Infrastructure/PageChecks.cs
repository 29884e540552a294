using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>
/// What every browser test checks on a page it reaches: axe's serious and critical violations, each as one readable
/// line, and a full-page screenshot kept in the test run's folder (<c>staff-screenshots/</c>; README's staff section
/// shows some of them).
/// </summary>
internal static class PageChecks
{
    /// <summary>The folder, under the test run's work directory, that holds the screenshots.</summary>
    public const string ScreenshotFolder = "staff-screenshots";

    /// <summary>axe's serious and critical violations on the page as it is now, each as "what: axe impact id: help at nodes".</summary>
    public static async Task<IReadOnlyList<string>> SeriousAxeViolationsAsync(IPage page, string what)
    {
        var axe = await page.RunAxe();
        return [.. axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: axe {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}")];
    }

    /// <summary>Asserts the page has no serious or critical axe violation.</summary>
    public static async Task AssertNoSeriousAxeViolationAsync(IPage page, string what) =>
        Assert.That(await SeriousAxeViolationsAsync(page, what), Is.Empty);

    /// <summary>Pages taller than this (a 1,000-row dry-run grid) are shot as far as the window shows, not whole.</summary>
    public const int MaxFullPageHeight = 4000;

    /// <summary>Saves a screenshot of the whole page (up to <see cref="MaxFullPageHeight"/>) as <c>staff-screenshots/&lt;name&gt;.png</c> in the test run's folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, ScreenshotFolder);
        Directory.CreateDirectory(folder);
        var file = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file + ".png"), FullPage = height <= MaxFullPageHeight });
    }
}
