using System.Text;

namespace MicroCredentials.Pdf.PdfA;

/// <summary>
/// The stream a certificate is saved through: it replaces the XMP packet PDFsharp 6.2.4 writes (a fixed PDF/A-1a
/// template, regenerated at every save and without XML escaping) by <see cref="CertificateXmp"/>, padded with white
/// space to the same byte length — the in-place update XMP packets are designed for (ISO 16684-1 §7.3.3) — so every
/// offset PDFsharp has recorded (cross-reference table, signature placeholders) stays right, and the seal, computed
/// after the file is written, covers the final bytes.
/// </summary>
internal sealed class XmpRewritingStream(Stream inner, Func<string> packet) : Stream
{
    private static readonly byte[] Begin = "<?xpacket begin="u8.ToArray();
    private static readonly byte[] End = "<?xpacket end=\"w\"?>"u8.ToArray();

    /// <summary>True once the packet has been replaced.</summary>
    public bool Replaced { get; private set; }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var start = Replaced ? -1 : buffer.IndexOf(Begin);
        var end = start < 0 ? -1 : buffer[start..].IndexOf(End);
        if (end < 0)
        {
            inner.Write(buffer);
            return;
        }
        var length = end;
        var replacement = Encoding.UTF8.GetBytes(packet());
        if (replacement.Length > length)
        {
            throw new InvalidOperationException($"The certificate's XMP packet ({replacement.Length} bytes) does not fit the {length} bytes PDFsharp wrote.");
        }
        // Written in place of the old packet, without copying the rest of the buffer: the packet, then the XMP padding
        // (white space before the closing processing instruction, newline-separated), then what follows.
        var padding = new byte[length - replacement.Length];
        padding.AsSpan().Fill((byte)' ');
        for (var i = 99; i < padding.Length; i += 100)
        {
            padding[i] = (byte)'\n';
        }
        inner.Write(buffer[..start]);
        inner.Write(replacement);
        inner.Write(padding);
        inner.Write(buffer[(start + length)..]);
        Replaced = true;
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => inner.WriteByte(value);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    /// <inheritdoc />
    public override void SetLength(long value) => inner.SetLength(value);

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override bool CanRead => inner.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => inner.CanSeek;

    /// <inheritdoc />
    public override bool CanWrite => inner.CanWrite;

    /// <inheritdoc />
    public override long Length => inner.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }
}
