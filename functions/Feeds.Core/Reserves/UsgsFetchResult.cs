namespace Feeds.Core.Reserves;

/// <summary>
/// A fetched source file: <see cref="NotModified"/> when the server answered 304 to the stored validators; otherwise
/// its bytes in a temporary file (deleted when this is disposed, so memory does not hold the download), their SHA-256,
/// the file name (Content-Disposition, else the URL's last segment) and the validators; and whether it is the offline
/// replay's bundled copy rather than a download.
/// </summary>
public sealed class UsgsFetchResult(bool notModified, Stream? content, string hash, string fileName, string? etag, string? lastModified, bool replayed = false)
    : IAsyncDisposable
{
    /// <summary>The bytes are the bundled copy the in-process replay served (an excerpt or a lossy copy may hash otherwise).</summary>
    public bool Replayed { get; } = replayed;

    public bool NotModified { get; } = notModified;

    /// <summary>The body, seekable, at position 0 (an empty stream for a 304).</summary>
    public Stream Content { get; } = content ?? Stream.Null;

    public string Hash { get; } = hash;
    public string FileName { get; } = fileName;
    public string? ETag { get; } = etag;
    public string? LastModified { get; } = lastModified;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
