using MicroCredentials.Data.Issuance;
using MicroCredentials.Keys;

namespace MicroCredentials.Cli;

/// <summary>
/// Writes the graduate's files for one credential: <c>&lt;id&gt;.json</c> (signed), <c>&lt;id&gt;.jwt</c>,
/// <c>&lt;id&gt;.pdf</c> (the sealed certificate) and <c>&lt;id&gt;.png</c> (the baked badge).
/// </summary>
internal sealed partial class CredentialFiles
{
    private readonly IssuerKeySet _keys;
    private readonly TimeProvider _time;
    private readonly IssuanceOptions _options;
    private readonly string? _signatory;

    public CredentialFiles(IssuerKeySet keys, TimeProvider time, IssuanceOptions options, string? signatory)
    {
        _keys = keys;
        _time = time;
        _options = options;
        _signatory = signatory;
    }

    /// <summary>The file name stem of a credential: the UUID of <c>urn:uuid:…</c>, else a safe form of the id.</summary>
    public static string Stem(string credentialId) =>
        credentialId.StartsWith("urn:uuid:", StringComparison.Ordinal)
            ? credentialId["urn:uuid:".Length..]
            : string.Concat(credentialId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' ? c : '_'));

    /// <summary>
    /// Writes a credential's files. Each file is written under a temporary name and then renamed, so a run killed
    /// half-way leaves no half-written file; a rerun (or a resumed job) skips a credential whose files are all there.
    /// Safe to call for different credentials in parallel.
    /// </summary>
    public async Task WriteAsync(string outDir, IssueResult result, string language, CancellationToken ct, bool withPdf = true)
    {
        var stored = result.Credential!;
        var stem = Path.Combine(outDir, Stem(stored.Id));
        if ((withPdf ? new[] { ".json", ".pdf", ".png" } : [".json", ".png"]).All(ext => File.Exists(stem + ext)))
        {
            return; // a rerun: the graduate's files are already there
        }

        await WriteAtomicallyAsync(stem + ".json", System.Text.Encoding.UTF8.GetBytes(stored.CredentialJson), ct);
        if (stored.Jwt is not null)
        {
            await WriteAtomicallyAsync(stem + ".jwt", System.Text.Encoding.UTF8.GetBytes(stored.Jwt), ct);
        }

        if (withPdf)
        {
            await WriteAtomicallyAsync(stem + ".pdf", RenderPdf(stored, language), ct);
        }

        await WriteAtomicallyAsync(stem + ".png",
            Baking.PngBaker.Bake(Baking.DefaultBadge.Png(Keys.DemoKeys.SignsCredential(stored.CredentialJson)), stored.CredentialJson), ct);
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        File.Move(temporary, path, overwrite: true);
    }
}
