using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Conformance;

/// <summary>
/// Runs a Node script of <c>tests/interop</c> (the npm verifiers pinned by its package-lock.json). The packages are
/// installed by <c>./test.sh</c> (or <c>(cd tests/interop &amp;&amp; npm ci)</c>); a missing one, or a missing node,
/// fails the test with that command.
/// </summary>
internal static class InteropNode
{
    public static string Directory => RepositoryPaths.File("tests", "interop");

    /// <summary>Fails with the install command unless the npm package is there.</summary>
    public static Task EnsureInstalledAsync(string package)
    {
        RequiredTools.RequireNpmModule(Directory, package);
        return Task.CompletedTask;
    }

    public static Task<(int ExitCode, string Output, string Error)> NodeAsync(string script, TimeSpan timeout, params string[] arguments) =>
        RequiredTools.RunAsync("node", Directory, [Path.Combine(Directory, script), .. arguments], timeout);
}
