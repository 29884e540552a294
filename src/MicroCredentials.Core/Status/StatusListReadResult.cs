using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.Status;

/// <summary>The outcome of <see cref="StatusListCredential.Read"/>.</summary>
public sealed record StatusListReadResult
{
    private StatusListReadResult(StatusListCredential? credential, StatusListReadFailure failure, string detail)
    {
        Credential = credential;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>The parsed list credential; null on failure.</summary>
    public StatusListCredential? Credential { get; }

    /// <summary>Why reading failed; <see cref="StatusListReadFailure.None"/> on success.</summary>
    public StatusListReadFailure Failure { get; }

    /// <summary>A sentence for logs and messages; empty on success.</summary>
    public string Detail { get; }

    /// <summary>True when <see cref="Credential"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Credential))]
    public bool Succeeded => Credential is not null;

    internal static StatusListReadResult Success(StatusListCredential credential) => new(credential, StatusListReadFailure.None, "");

    internal static StatusListReadResult Fail(StatusListReadFailure failure, string detail) => new(null, failure, detail);
}
