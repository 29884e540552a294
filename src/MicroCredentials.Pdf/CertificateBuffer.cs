namespace MicroCredentials.Pdf;

/// <summary>
/// The buffer a certificate is written into, kept per thread between certificates: a 192 KiB buffer is a large-object
/// heap allocation, and making one per certificate drove a full (gen 2) collection every few certificates.
/// One buffer per thread, never shared: a signing thread renders one certificate at a time, and only the synchronous
/// saves use it (an asynchronous save may resume on another thread).
/// </summary>
internal static class CertificateBuffer
{
    [ThreadStatic]
    private static MemoryStream? _kept;

    /// <summary>Capacity of the buffer this thread keeps, or 0 when it keeps none.</summary>
    internal static int KeptCapacity => _kept?.Capacity ?? 0;

    /// <summary>Runs <paramref name="write"/> on this thread's empty buffer and returns the bytes written.</summary>
    public static byte[] Write(Action<MemoryStream> write)
    {
        var output = _kept ?? new MemoryStream(PdfLimits.CertificateBufferBytes);
        _kept = null; // taken, so a nested write (none today) gets its own buffer
        try
        {
            output.SetLength(0);
            write(output);
            return output.ToArray();
        }
        finally
        {
            // A buffer grown by an unusually large file is not kept: each thread holds at most the bounded size.
            if (output.Capacity <= PdfLimits.CertificateBufferBytes)
            {
                output.SetLength(0);
                _kept = output;
            }
        }
    }
}
