using System.Diagnostics;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Pdf.Tests;

/// <summary>A test whose tool is missing fails with the exact install command, never a bare Win32Exception.</summary>
public sealed class RequiredToolsTests
{
    [TestCase("/nonexistent/pdfsig", "sudo apt-get install -y poppler-utils", TestName = "pdfsig")]
    [TestCase("/nonexistent/pdftoppm", "sudo apt-get install -y poppler-utils", TestName = "pdftoppm")]
    [TestCase("/nonexistent/zbarimg", "sudo apt-get install -y zbar-tools", TestName = "zbarimg")]
    [TestCase("/nonexistent/chromium", "sudo apt-get install -y chromium", TestName = "chromium")]
    [TestCase("/nonexistent/node", "sudo apt-get install -y nodejs npm", TestName = "node")]
    [TestCase("/nonexistent/initdb", "sudo apt-get install -y postgresql", TestName = "initdb")]
    public void Start_MissingTool_FailsWithItsInstallCommand(string program, string command)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RequiredTools.Start(new ProcessStartInfo(program)));

        Assert.That(ex!.Message, Does.Contain($"Install it with: {command}").And.Contain("./test.sh"));
        Assert.That(ex.Message, Does.Not.Contain("No such file or directory"));
    }

    [Test]
    public void Start_MissingToolOnPath_FailsWithInstallHintInsteadOfWin32Exception()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RequiredTools.Start(new ProcessStartInfo("mc-no-such-tool-" + Guid.NewGuid().ToString("N"))));

        Assert.That(ex!.Message, Does.Contain("is not installed").And.Contain("./test.sh"));
        Assert.That(ex.InnerException, Is.InstanceOf<System.ComponentModel.Win32Exception>());
    }

    [Test]
    public void RequireNpmModule_Missing_NamesTheNpmCiCommand()
    {
        var folder = ExternalTool.TempFolder();

        var ex = Assert.Throws<InvalidOperationException>(() => RequiredTools.RequireNpmModule(folder, "jose"));

        Assert.That(ex!.Message, Does.Contain("run: (cd tests/interop && npm ci)").And.EndWith("missing: jose"));
    }
}
