using System.Globalization;
using System.Text.RegularExpressions;
using MicroCredentials.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>
/// Details of the pages: catalogue text not in the page's language is marked with its <c>lang</c> (WCAG 3.1.2), and a
/// suspended credential's pages say since when (from the store's status record).
/// </summary>
public sealed partial class PageDetailsTests : PageHostFixture
{
    [Test]
    public async Task Page_French_EnglishCatalogueTextCarriesLangEn()
    {
        // The sample catalogue has Dutch and English texts only: a French page shows the English ones.
        var issued = await Host.IssueAsync("Lucas Lambert");
        var html = await Host.PageAsync($"/v/{issued.Handle}?lang=fr");

        Assert.That(html, Does.Contain("<html lang=\"fr\""));
        foreach (var field in new[] { "title", "outcomes", "assessment", "participation", "quality_assurance", "prerequisites" })
        {
            Assert.That(html, Does.Match($"<dd data-field=\"{field}\" lang=\"en\">"), field);
        }

        Assert.That(html, Does.Contain("<p data-field=\"description\" lang=\"en\">"));
    }

    [TestCase("nl", TestName = "Page_Dutch_DutchCatalogueTextHasNoLangAttribute")]
    [TestCase("en", TestName = "Page_English_EnglishCatalogueTextHasNoLangAttribute")]
    public async Task Page_InCatalogueLanguage_NoLangAttribute(string lang)
    {
        var issued = await Host.IssueAsync("Lucas Lambert");
        var html = await Host.PageAsync($"/v/{issued.Handle}?lang={lang}");

        Assert.That(html, Does.Contain("<dd data-field=\"title\">").And.Contain("<dd data-field=\"assessment\">"));
        Assert.That(Regex.IsMatch(html, "data-field=\"[a-z_]+\" lang="), Is.False);
    }

    [Test]
    public async Task DownloadPage_French_TitleHeadingCarriesLangEn()
    {
        var issued = await Host.IssueAsync("Lucas Lambert");
        var html = await Host.PageAsync(issued.DownloadPath + "?lang=fr");
        Assert.That(html, Does.Contain("<h1 lang=\"en\">Data Science for Healthcare</h1>"));
    }

    [TestCase("nl", "Opgeschort sinds {0}.", TestName = "Page_SuspendedDutch_SaysSinceWhen")]
    [TestCase("fr", "Suspendu depuis le {0}.", TestName = "Page_SuspendedFrench_SaysSinceWhen")]
    public async Task Page_Suspended_SaysSinceWhen(string lang, string text)
    {
        var issued = await Host.IssueAsync("Sara Peeters");
        await Host.ChangeStatusAsync(issued, "suspend", "Suspended");
        var expected = string.Format(CultureInfo.InvariantCulture, text, await SuspensionDayAsync(issued, lang));

        Assert.That(await Host.PageAsync($"/v/{issued.Handle}?lang={lang}"), Does.Contain($"<p data-field=\"suspended_on\">{expected}</p>"));
        Assert.That(await Host.PageAsync($"{issued.DownloadPath}?lang={lang}"), Does.Contain($"<p data-field=\"suspended_on\">{expected}</p>"));
    }

    [Test]
    public async Task Page_Unsuspended_NoSuspensionDate()
    {
        var issued = await Host.IssueAsync("Sara Peeters");
        await Host.ChangeStatusAsync(issued, "suspend", "Suspended");
        await Host.ChangeStatusAsync(issued, "unsuspend", "Valid");

        Assert.That(await Host.PageAsync($"/v/{issued.Handle}?lang=en"), Does.Not.Contain("suspended_on"));
    }

    [TestCase(0, true, TestName = "SuspensionDate_NewestEntryOfTheRecord_IsShown")]
    [TestCase(HostLimits.SuspensionAuditEntriesRead - 1, true, TestName = "SuspensionDate_LastEntryWithinTheBound_IsShown")]
    [TestCase(HostLimits.SuspensionAuditEntriesRead, false, TestName = "SuspensionDate_OnePastTheBound_IsNotShown")]
    public async Task SuspensionDate_AuditEntriesRead(int newerEntries, bool shown)
    {
        var issued = await Host.IssueAsync("Sara Peeters");
        await Host.ChangeStatusAsync(issued, "suspend", "Suspended");
        await AddNewerAuditEntriesAsync(issued, newerEntries);

        var html = await Host.PageAsync($"/v/{issued.Handle}?lang=en");
        Assert.That(html.Contains("data-field=\"suspended_on\"", StringComparison.Ordinal), Is.EqualTo(shown));
        Assert.That(html, Does.Contain("data-verdict=\"Suspended\""));
    }

    private async Task<string> SuspensionDayAsync(PageHost.Issued issued, string lang)
    {
        var store = Host.Services.GetRequiredService<CredentialStore>();
        var entry = (await store.QueryAuditAsync(issued.Id, 0, 10, CancellationToken.None)).First(e => e.Action == AuditAction.Suspend);
        return entry.At.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(lang));
    }

    // Entries about the credential written after its suspension (copies of its issue entry under another action), straight into the SQLite file.
    private async Task AddNewerAuditEntriesAsync(PageHost.Issued issued, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Host.TempFolder, "data", "microcredentials.db")};Pooling=False");
        await connection.OpenAsync();
        for (var i = 0; i < count; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO audit_log (at, actor, action, credential_id, detail)
                SELECT at, actor, 'EmailCorrection', credential_id, 'page test' FROM audit_log WHERE credential_id = $id AND action = 'Issue'
                """;
            command.Parameters.AddWithValue("$id", issued.Id);
            Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }
    }
}
