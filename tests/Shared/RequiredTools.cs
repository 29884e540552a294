using System.ComponentModel;
using System.Diagnostics;

namespace MicroCredentials.Tests.Shared;

/// <summary>
/// Starts the external programs the tests use (node, npm, poppler-utils, zbar-tools, chromium, PostgreSQL) and turns a
/// missing one into a failure that names the exact install command, never a bare <see cref="Win32Exception"/>. One
/// source file, compiled into each test project that runs a program.
/// </summary>
internal static class RequiredTools
{
    /// <summary>The one command that installs everything (Debian, as root or with sudo), from the repository root.</summary>
    public const string ProvisionAll = "./test.sh";

    /// <summary>What to run when the npm modules of tests/interop are missing.</summary>
    public const string NpmModulesMissing =
        "The npm modules of tests/interop are not installed. run: (cd tests/interop && npm ci)   (or " + ProvisionAll + ", which installs every tool the tests need)";

    /// <summary>The Debian command that installs a program, or null for one we do not know.</summary>
    public static string? InstallCommand(string program) => Path.GetFileName(program) switch
    {
        "pdfsig" or "pdftoppm" or "pdfdetach" or "pdftotext" or "pdfinfo" => "sudo apt-get install -y poppler-utils",
        "zbarimg" => "sudo apt-get install -y zbar-tools",
        "openssl" => "sudo apt-get install -y openssl",
        "chromium" => "sudo apt-get install -y chromium",
        "softhsm2-util" => "sudo apt-get install -y softhsm2",
        "node" or "npm" => "sudo apt-get install -y nodejs npm",
        "initdb" or "pg_ctl" or "postgres" => "sudo apt-get install -y postgresql",
        "runuser" or "chown" => "sudo apt-get install -y util-linux coreutils",
        _ => null,
    };

    /// <summary>The message for a program that is not installed.</summary>
    public static string NotInstalled(string program) =>
        $"{Path.GetFileName(program)} is not installed (or not on PATH). Install it with: {InstallCommand(program) ?? $"your package manager ({program})"}"
        + $"   — or run {ProvisionAll} from the repository root, which installs every tool the tests need and runs the tests.";

    /// <summary>Starts a process; a program that cannot be found fails with <see cref="NotInstalled"/>.</summary>
    /// <exception cref="InvalidOperationException">The program is missing or did not start.</exception>
    public static Process Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        // runuser -u postgres -- initdb …: the program that matters is the one after "--".
        var program = start.FileName == "runuser" && start.ArgumentList.IndexOf("--") is var dash and >= 0 && dash + 1 < start.ArgumentList.Count
            ? start.ArgumentList[dash + 1]
            : start.FileName;
        if (Path.IsPathRooted(program) && !File.Exists(program))
        {
            throw new InvalidOperationException(NotInstalled(program));
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(NotInstalled(start.FileName), e);
        }
    }

    /// <summary>Fails with <see cref="NpmModulesMissing"/> unless <paramref name="package"/> is installed under tests/interop.</summary>
    /// <param name="interopFolder">The tests/interop folder.</param>
    /// <param name="package">An npm package the test needs, e.g. <c>jose</c>.</param>
    public static void RequireNpmModule(string interopFolder, string package)
    {
        if (!File.Exists(Path.Combine(interopFolder, "node_modules", package, "package.json")))
        {
            throw new InvalidOperationException($"{NpmModulesMissing} — missing: {package}");
        }
    }

    /// <summary>
    /// Runs <paramref name="program"/> to its end in <paramref name="workingDirectory"/> and returns its exit code and
    /// output; after <paramref name="timeout"/> it is killed and the run fails. A missing program fails with its install command.
    /// </summary>
    /// <exception cref="TimeoutException">The program did not finish within <paramref name="timeout"/>.</exception>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string workingDirectory,
        IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
