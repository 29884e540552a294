namespace MicroCredentials.Host.Jobs;

/// <summary>A streamed upload went past its bound (<see cref="CappedReadStream"/>); answered 413 at the edge.</summary>
internal sealed class UploadTooLargeException(long limit) : IOException($"The upload is larger than {limit} bytes.")
{
    /// <summary>The bound that was passed, in bytes.</summary>
    public long Limit { get; } = limit;
}
