using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.Status;

/// <summary>The outcome of <see cref="Bitstring.Decode"/>: a bitstring, or a reason and a readable detail.</summary>
public sealed record BitstringDecodeResult
{
    private BitstringDecodeResult(Bitstring? bitstring, BitstringDecodeFailure failure, string detail)
    {
        Bitstring = bitstring;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>The decoded list; null when <see cref="Failure"/> is not <see cref="BitstringDecodeFailure.None"/>.</summary>
    public Bitstring? Bitstring { get; }

    /// <summary>Why decoding failed; <see cref="BitstringDecodeFailure.None"/> on success.</summary>
    public BitstringDecodeFailure Failure { get; }

    /// <summary>A sentence for logs and error messages; empty on success.</summary>
    public string Detail { get; }

    /// <summary>True when <see cref="Bitstring"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Bitstring))]
    public bool Succeeded => Bitstring is not null;

    internal static BitstringDecodeResult Success(Bitstring bitstring) => new(bitstring, BitstringDecodeFailure.None, "");

    internal static BitstringDecodeResult Fail(BitstringDecodeFailure failure, string detail) => new(null, failure, detail);
}
