using System.Text;
using MicroCredentials.Baking;

namespace MicroCredentials.Verification;

public static partial class CredentialInputs
{
    private static partial bool FromBaked(ReadOnlySpan<byte> bytes, CancellationToken cancellationToken, out string? credential, out string? problem)
    {
        credential = null;
        problem = null;
        BadgeExtraction extraction;
        if (bytes.StartsWith(PngChunk.Signature))
        {
            extraction = PngBaker.Extract(bytes, cancellationToken);
        }
        else if (LooksLikeSvg(bytes))
        {
            extraction = SvgBaker.Extract(Encoding.UTF8.GetString(bytes), cancellationToken);
        }
        else
        {
            return false;
        }

        switch (extraction.Status)
        {
            case BadgeExtractionStatus.Found:
                credential = extraction.Credential;
                return true;
            case BadgeExtractionStatus.NotBaked:
                problem = "The image is not a baked badge: it carries no Open Badges credential.";
                return false;
            case BadgeExtractionStatus.TooLarge:
                problem = "The image cannot be read: " + extraction.Problem;
                return false;
            default:
                problem = "The image is damaged or its baked credential is malformed.";
                return false;
        }
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return head.StartsWith("<svg", StringComparison.Ordinal)
            || (head.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<svg", StringComparison.Ordinal));
    }
}
