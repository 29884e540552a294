namespace MicroCredentials.Pdf.Tests;

/// <summary>Runs once around every test of the project: removes the temporary files the PDF tests wrote.</summary>
[SetUpFixture]
public sealed class TestRunLifetime
{
    [OneTimeTearDown]
    public void DeleteTemporaryFiles() => ExternalTool.DeleteRunFolder();
}
