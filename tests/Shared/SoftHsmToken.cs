using System.Runtime.InteropServices;
using MicroCredentials.Keys.Pkcs11;

namespace MicroCredentials.Tests.Shared;

/// <summary>
/// A SoftHSM 2 token of a test fixture's own: a temporary folder with a <c>softhsm2.conf</c> whose token directory is
/// inside it, <c>SOFTHSM2_CONF</c> pointing at it for this process (SoftHSM reads it when the library is first loaded,
/// so fixtures using tokens run one after another), and a token initialised with <c>softhsm2-util --init-token --free</c>.
/// </summary>
internal sealed class SoftHsmToken : IDisposable
{
    /// <summary>The SoftHSM 2 PKCS#11 library of Debian's softhsm2 package.</summary>
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";

    /// <summary>The user PIN of every test token.</summary>
    public const string Pin = "4321-test";

    private readonly string? previousConf;

    private SoftHsmToken(string folder, string label, string? previousConf)
    {
        Folder = folder;
        Label = label;
        this.previousConf = previousConf;
    }

    /// <summary>The temporary folder (token directory and configuration).</summary>
    public string Folder { get; }

    /// <summary>The token label.</summary>
    public string Label { get; }

    /// <summary>Options naming the module, this token and its PIN (no key labels).</summary>
    public Pkcs11Options Options => new() { ModulePath = ModulePath, TokenLabel = Label, Pin = Pin };

    /// <summary>The same as configuration settings of the host (<c>Issuer:Pkcs11:*</c>).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Issuer:Pkcs11:ModulePath"] = ModulePath,
        ["Issuer:Pkcs11:TokenLabel"] = Label,
        ["Issuer:Pkcs11:Pin"] = Pin,
    };

    /// <summary>Makes the folder, the configuration and the token.</summary>
    public static async Task<SoftHsmToken> CreateAsync(string label)
    {
        var folder = Directory.CreateTempSubdirectory("microcred-softhsm-").FullName;
        var tokens = Directory.CreateDirectory(Path.Combine(folder, "tokens")).FullName;
        var conf = Path.Combine(folder, "softhsm2.conf");
        await File.WriteAllTextAsync(conf, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        var token = new SoftHsmToken(folder, label, Environment.GetEnvironmentVariable("SOFTHSM2_CONF"));
        SetConf(conf);
        var (exit, output, error) = await RequiredTools.RunAsync("softhsm2-util", folder,
            ["--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", Pin], TimeSpan.FromMinutes(2));
        if (exit != 0)
        {
            token.Dispose();
            throw new InvalidOperationException($"softhsm2-util --init-token failed ({exit}): {output} {error}");
        }

        return token;
    }

    /// <summary>Restores <c>SOFTHSM2_CONF</c> and deletes the token folder.</summary>
    public void Dispose()
    {
        SetConf(previousConf);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A module still loaded may hold a token file briefly; the temp folder is cleaned by the OS.
        }
    }

    // SoftHSM reads getenv("SOFTHSM2_CONF") in this process; .NET's own copy of the environment (what child processes
    // such as softhsm2-util get) is not what native code sees on Unix, so set both.
    private static void SetConf(string? conf)
    {
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", conf);
        _ = conf is null ? UnsetEnvironment("SOFTHSM2_CONF") : SetEnvironment("SOFTHSM2_CONF", conf, 1);
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in every test project; two plain calls do not.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "unsetenv")]
    private static extern int UnsetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
#pragma warning restore SYSLIB1054
}
