using System.Reflection;
using MicroCredentials.Model;

namespace MicroCredentials.Core.Tests.Conventions;

/// <summary>DESIGN §3 and STYLE rule 1: the core stays pure.</summary>
public sealed class CoreDependencyTests
{
    [Test]
    public void Core_ReferencesNoAspNetDatabaseOrPdfAssembly()
    {
        var core = typeof(OpenBadgeCredential).Assembly;
        var forbidden = new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data", "Npgsql", "PdfSharp", "PdfPig", "UglyToad", "QRCoder", "MicroCredentials.Pdf", "MicroCredentials.Data", "MicroCredentials.Host" };

        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))), Is.Empty);
    }

    [Test]
    public void Core_PublicTypesAreDocumentedOnePerFile_NoGrabBagNames()
    {
        var names = typeof(OpenBadgeCredential).Assembly.GetExportedTypes().Select(t => t.Name).ToList();

        Assert.That(names.Where(n => n.EndsWith("Helper", StringComparison.Ordinal) || n.EndsWith("Util", StringComparison.Ordinal)
            || n.EndsWith("Utils", StringComparison.Ordinal) || n.EndsWith("Manager", StringComparison.Ordinal)), Is.Empty);
    }
}
