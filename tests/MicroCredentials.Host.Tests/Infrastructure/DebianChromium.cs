using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>The Debian <c>chromium</c> (no browser download), headless, as every browser test launches it.</summary>
internal static class DebianChromium
{
    /// <summary>Launches <c>/usr/bin/chromium</c> through <paramref name="playwright"/>.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
}
