namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>
/// RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024-05-21, https://www.w3.org/TR/rdf-canon/).
/// </summary>
/// <remarks>
/// The input is treated as an RDF dataset (a set: duplicate quads count once). Canonical N-Quads lines are sorted
/// in Unicode code point order (compared as UTF-8 bytes, which gives code point order also for characters outside
/// the Basic Multilingual Plane, where UTF-16 ordinal comparison would not).
/// </remarks>
public static class Rdfc10
{
    /// <summary>Canonicalizes a dataset and returns canonical N-Quads.</summary>
    /// <param name="quads">The dataset.</param>
    /// <param name="options">Hash algorithm and work bound; <see langword="null"/> for <see cref="Rdfc10Options.Default"/>.</param>
    /// <exception cref="Rdfc10WorkLimitExceededException">The dataset needs more N-degree hashing than allowed.</exception>
    public static string Canonicalize(IReadOnlyList<Quad> quads, Rdfc10Options? options = null) =>
        System.Text.Encoding.UTF8.GetString(CanonicalizeToUtf8(quads, options));

    /// <summary>Canonicalizes a dataset and returns canonical N-Quads with the issued identifiers map.</summary>
    /// <param name="quads">The dataset.</param>
    /// <param name="options">Hash algorithm and work bound; <see langword="null"/> for <see cref="Rdfc10Options.Default"/>.</param>
    /// <exception cref="Rdfc10WorkLimitExceededException">The dataset needs more N-degree hashing than allowed.</exception>
    public static Rdfc10Result CanonicalizeWithMap(IReadOnlyList<Quad> quads, Rdfc10Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var canonicalizer = new Rdfc10Canonicalizer(quads, options ?? Rdfc10Options.Default);
        canonicalizer.Run();
        var text = System.Text.Encoding.UTF8.GetString(canonicalizer.Serialize());
        return new Rdfc10Result(text, canonicalizer.IssuedIdentifiers());
    }

    /// <summary>Canonicalizes a dataset and returns canonical N-Quads as UTF-8 bytes (what cryptosuites hash).</summary>
    /// <exception cref="Rdfc10WorkLimitExceededException">The dataset needs more N-degree hashing than allowed.</exception>
    internal static byte[] CanonicalizeToUtf8(IReadOnlyList<Quad> quads, Rdfc10Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var canonicalizer = new Rdfc10Canonicalizer(quads, options ?? Rdfc10Options.Default);
        canonicalizer.Run();
        return canonicalizer.Serialize();
    }

    /// <summary>Compares strings in Unicode code point order (not UTF-16 code unit order).</summary>
    internal static int CompareCodePoints(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length - y.Length;
        }

        // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF: move them above U+E000..U+FFFF.
        static int Fix(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
        return Fix(x[common]) - Fix(y[common]);
    }

    /// <summary>A comparer of strings in Unicode code point order.</summary>
    internal static IComparer<string> CodePointComparer { get; } = Comparer<string>.Create(CompareCodePoints);
}
