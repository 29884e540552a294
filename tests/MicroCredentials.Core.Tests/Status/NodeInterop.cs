using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>
/// Runs the Node scripts under <c>tests/interop</c>. The pinned npm packages are installed by <c>./test.sh</c> (or
/// <c>(cd tests/interop &amp;&amp; npm ci)</c>); a test whose package is missing fails with that command.
/// </summary>
internal static class NodeInterop
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "interop");

    /// <summary>Fails with the install command unless node and the npm package are there.</summary>
    public static Task EnsureInstalledAsync(string package)
    {
        RequiredTools.RequireNpmModule(Directory, package);
        return Task.CompletedTask;
    }

    public static Task<(int ExitCode, string Output, string Error)> NodeAsync(string script, params string[] arguments) =>
        RequiredTools.RunAsync("node", Directory, [Path.Combine(Directory, script), .. arguments], TimeSpan.FromMinutes(2));
}
