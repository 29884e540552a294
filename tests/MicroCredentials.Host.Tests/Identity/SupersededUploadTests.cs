using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Identity;

/// <summary>
/// A re-issued (corrected) credential says "superseded", with its successor's link, in every format it is uploaded
/// as — not only on its page by handle (issue 11, point 4).
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class SupersededUploadTests(string provider)
{
    private HostFactory? factory;
    private StaffClient? staff;
    private StaffClient.Issued? old;
    private StaffClient.Issued? successor;

    private StaffClient Staff => staff!;

    [OneTimeSetUp]
    public async Task IssueAndCorrect()
    {
        factory = await HostFactory.CreateAsync(provider);
        staff = new StaffClient(factory.Client(), await factory.CreateApiKeyAsync(ApiKeyRole.Administrator));
        old = await Staff.IssueAsync();
        successor = await Staff.ReissueAsync(old);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        staff?.Http.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [TestCase("credential.json", "application/json")]
    [TestCase("credential.jwt", "text/plain")]
    [TestCase("certificate-en.pdf", "application/pdf")]
    [TestCase("badge.png", "image/png")]
    public async Task VerifyApi_UploadOfReplacedCredential_IsSupersededWithSuccessor(string file, string mediaType)
    {
        // The old download link still serves the old files (a graduate may have kept them).
        var bytes = await Staff.DownloadAsync(old!, file);

        var json = await Staff.VerifyAsync(bytes, mediaType);

        Assert.That((string?)json["verdict"], Is.EqualTo("superseded"), json.ToJsonString());
        Assert.That((string?)json["superseded_by"], Is.EqualTo(successor!.VerificationUrl));
        Assert.That((bool?)json["verified"], Is.False);
    }

    [TestCase("credential.json", "application/json")]
    [TestCase("badge.png", "image/png")]
    public async Task VerifyApi_UploadOfSuccessor_IsValidWithoutSupersededBy(string file, string mediaType)
    {
        var json = await Staff.VerifyAsync(await Staff.DownloadAsync(successor!, file), mediaType);

        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
        Assert.That(json.ContainsKey("superseded_by"), Is.False);
    }
}
