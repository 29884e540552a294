using MicroCredentials.Catalog;

namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    private static async Task<MicroCredentialCatalog> SampleCatalogueAsync() =>
        (await CatalogLoader.LoadFileAsync(Path.Combine(Repo(), "samples", "catalog.json"), None)).Catalog!;

    private static string Repo()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Test]
    public async Task Catalogue_FirstStartImport_OnlyIntoAnEmptyDatabase()
    {
        Assert.That(await Store.LoadCatalogueAsync(None), Is.Null, "an empty database holds no catalogue");
        var sample = await SampleCatalogueAsync();
        var first = await Store.ImportCatalogueAsync(sample, "catalog.json", "host start-up", onlyIfEmpty: true, None);
        Assert.That(first.Outcome, Is.EqualTo(CatalogueEditOutcome.Saved));
        Assert.That(first.Codes, Is.EqualTo(new[] { "MC-DSH", "MC-AIR", "MC-CBE" }));

        var changed = sample with { Issuer = sample.Issuer with { Name = "Another name" } };
        var second = await Store.ImportCatalogueAsync(changed, "catalog.json", "host start-up", onlyIfEmpty: true, None);
        Assert.That(second.Outcome, Is.EqualTo(CatalogueEditOutcome.NotEmpty));
        var stored = await Store.LoadCatalogueAsync(None);
        Assert.That(stored!.Catalog.Issuer.Name, Is.EqualTo(sample.Issuer.Name), "a later start does not overwrite the database");
        Assert.That(stored.IssuerRevision, Is.EqualTo(1));
        Assert.That(stored.EntryRevisions.Values, Is.All.EqualTo(1));
    }

    [Test]
    public async Task Catalogue_ExportOfImport_IsTheSameCatalogue()
    {
        var sample = await SampleCatalogueAsync();
        var logo = Convert.ToBase64String(TinyPng());
        sample = sample with { Issuer = sample.Issuer with { Logo = "data:image/png;base64," + logo } };
        await Store.ImportCatalogueAsync(sample, "catalog.json", "tests", onlyIfEmpty: true, None);
        var exported = CatalogWriter.ToJson((await Store.LoadCatalogueAsync(None))!.Catalog);
        Assert.That(exported, Is.EqualTo(CatalogWriter.ToJson(sample)));
        var reread = CatalogLoader.Load(exported);
        Assert.That(reread.Errors, Is.Empty);
        Assert.That(CatalogWriter.ToJson(reread.Catalog!), Is.EqualTo(exported));

        var again = await Store.ImportCatalogueAsync(reread.Catalog!, "export.json", "tests", onlyIfEmpty: false, None);
        Assert.That(again.Outcome, Is.EqualTo(CatalogueEditOutcome.Unchanged), "importing the export changes nothing");
    }

    [Test]
    public async Task Catalogue_IssuedVersionNeverChanges_EditsMakeNewRevisions()
    {
        var sample = await SampleCatalogueAsync();
        await Store.ImportCatalogueAsync(sample, "catalog.json", "tests", onlyIfEmpty: true, None);
        var dsh = sample.Find("MC-DSH")!;

        // Before any credential: a corrected entry under the same version label is a new revision.
        var typo = dsh with { NotionalHours = 166 };
        var edit = await Store.SaveCatalogueEntryAsync(typo, 1, "Els Wouters (els)", None);
        Assert.That((edit.Outcome, edit.Revision), Is.EqualTo((CatalogueEditOutcome.Saved, 2)));

        // Issuing records the version as issued (as IssuanceService does); then the same label with other content is refused.
        Assert.That(await Store.SaveCatalogueVersionAsync(typo.Code, typo.Version, System.Text.Json.JsonSerializer.Serialize(typo), "issuer", None),
            Is.EqualTo(CatalogueSaveOutcome.Inserted));
        var refused = await Store.SaveCatalogueEntryAsync(typo with { Ects = 7 }, 2, "Els Wouters (els)", None);
        Assert.That(refused.Outcome, Is.EqualTo(CatalogueEditOutcome.VersionIssued));
        var newVersion = await Store.SaveCatalogueEntryAsync(typo with { Ects = 7, Version = "2026-2027" }, 2, "Els Wouters (els)", None);
        Assert.That(newVersion.Outcome, Is.EqualTo(CatalogueEditOutcome.Saved));
        Assert.That(newVersion.Revision, Is.EqualTo(3));

        var history = await Store.ListCatalogueRevisionsAsync("MC-DSH", None);
        Assert.That(history.Select(r => (r.Revision, r.Version, r.Issued)),
            Is.EqualTo(new[] { (3, "2026-2027", false), (2, "2025-2026", true), (1, "2025-2026", false) }));
        Assert.That(CatalogWriter.ReadEntry(history[1].Json).NotionalHours, Is.EqualTo(166), "the issued revision is kept as it was");
        Assert.That((await Store.LoadCatalogueAsync(None))!.Catalog.Find("MC-DSH")!.Version, Is.EqualTo("2026-2027"));

        // A form opened on an older revision, and a new entry with a taken code (in another case), are refused.
        Assert.That((await Store.SaveCatalogueEntryAsync(typo with { Ects = 8, Version = "x" }, 2, "a", None)).Outcome, Is.EqualTo(CatalogueEditOutcome.Stale));
        Assert.That((await Store.SaveCatalogueEntryAsync(dsh with { Code = "mc-dsh" }, 0, "a", None)).Outcome, Is.EqualTo(CatalogueEditOutcome.CodeTaken));
        Assert.That((await Store.SaveCatalogueEntryAsync(typo with { Ects = 7, Version = "2026-2027" }, 3, "a", None)).Outcome,
            Is.EqualTo(CatalogueEditOutcome.Unchanged));

        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.CatalogueSave, Actor = "Els" }, 0, 10, None);
        Assert.That(audit.Select(a => a.Detail), Has.Some.Contains("MC-DSH version 2026-2027: revision 3 (edited)"));
    }

    [Test]
    public async Task Catalogue_ImportThatWouldChangeAnIssuedVersion_IsRefusedWhole()
    {
        var sample = await SampleCatalogueAsync();
        await Store.ImportCatalogueAsync(sample, "catalog.json", "tests", onlyIfEmpty: true, None);
        var air = sample.Find("MC-AIR")!;
        await Store.SaveCatalogueVersionAsync(air.Code, air.Version, System.Text.Json.JsonSerializer.Serialize(air), "issuer", None);
        var changed = sample with
        {
            Issuer = sample.Issuer with { Name = "Changed" },
            MicroCredentials = [.. sample.MicroCredentials.Select(m => m with { EqfLevel = 6 })],
        };
        var refused = await Store.ImportCatalogueAsync(changed, "changed.json", "tests", onlyIfEmpty: false, None);
        Assert.That(refused.Outcome, Is.EqualTo(CatalogueEditOutcome.VersionIssued));
        Assert.That(refused.Codes, Is.EqualTo(new[] { "MC-AIR" }));
        var stored = (await Store.LoadCatalogueAsync(None))!;
        Assert.That(stored.Catalog.Issuer.Name, Is.EqualTo(sample.Issuer.Name), "nothing of a refused import is written");
        Assert.That(stored.Stamp, Is.EqualTo("1/3"));
    }

    [Test]
    public async Task Catalogue_IssuerBlock_NewRevision_AndStaleFormRefused()
    {
        var sample = await SampleCatalogueAsync();
        await Store.ImportCatalogueAsync(sample, "catalog.json", "tests", onlyIfEmpty: true, None);
        var before = await Store.CatalogueStampAsync(None);
        var saved = await Store.SaveCatalogueIssuerAsync(sample.Issuer with { Locality = "Gent-Zwijnaarde" }, 1, "Jef (jef)", "details", None);
        Assert.That(saved.Outcome, Is.EqualTo(CatalogueEditOutcome.Saved));
        Assert.That(await Store.CatalogueStampAsync(None), Is.Not.EqualTo(before));
        Assert.That((await Store.SaveCatalogueIssuerAsync(sample.Issuer, 1, "Jef (jef)", "details", None)).Outcome, Is.EqualTo(CatalogueEditOutcome.Stale));
        Assert.That((await Store.LoadCatalogueAsync(None))!.Catalog.Issuer.Locality, Is.EqualTo("Gent-Zwijnaarde"));
    }

    // A valid 16 × 16 PNG header is all the logo check reads (signature, IHDR size).
    private static byte[] TinyPng()
    {
        var png = new byte[64];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 16, 0, 0, 0, 16 }.CopyTo(png, 0);
        return png;
    }
}
