namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>Which genuine artefact a case was made from: the false-valid oracle compares against it.</summary>
internal enum FuzzOrigin
{
    None,
    Json,
    Jwt,
    Png,
    Svg,
    Pdf,
}

/// <summary>What a case may answer besides "not verified".</summary>
internal enum FuzzExpectation
{
    /// <summary>A mutation: verified only if the oracle finds it equivalent to the genuine artefact.</summary>
    MustNotVerify,

    /// <summary>An untouched genuine artefact: must verify (the gate is not vacuous).</summary>
    Genuine,
}

/// <summary>One generated request, replayable from (seed, index).</summary>
internal sealed record FuzzCase(int Index, string Class, string Endpoint, HttpMethod Method, string Path, byte[]? Body, string? ContentType,
    FuzzOrigin Origin, FuzzExpectation Expectation)
{
    /// <summary>Extra request headers.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>For uploads: the bytes of the artefact before any multipart wrapping (what the oracle judges).</summary>
    public byte[]? Payload { get; init; }

    public override string ToString() =>
        $"#{Index} {Class} {Method} {Endpoint} {Path[..Math.Min(Path.Length, 80)]} ({Body?.Length ?? 0} bytes, {ContentType ?? "no type"})";
}
