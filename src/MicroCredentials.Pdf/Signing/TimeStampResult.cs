using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.Pkcs;

namespace MicroCredentials.Pdf.Signing;

/// <summary>The outcome of <see cref="TimeStampClient.RequestAsync"/>: a verified token, or why there is none.</summary>
public sealed record TimeStampResult
{
    /// <summary>The verified token (a CMS <c>SignedData</c> over a <c>TSTInfo</c>); null on failure.</summary>
    public Rfc3161TimestampToken? Token { get; init; }

    /// <summary><see cref="TimeStampFailure.None"/> when <see cref="Token"/> is set.</summary>
    public TimeStampFailure Failure { get; init; }

    /// <summary>One sentence for people and logs; names the TSA, never the response bytes.</summary>
    public required string Detail { get; init; }

    /// <summary>True when a verified token was obtained.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    public bool Succeeded => Token is not null;
}
