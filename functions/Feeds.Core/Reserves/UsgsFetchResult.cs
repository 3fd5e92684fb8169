namespace Feeds.Core.Reserves;

/// <summary>
/// A fetched source file: <see cref="NotModified"/> when the server answered 304 to the stored validators; otherwise
/// its bytes, file name (Content-Disposition, else the URL's last segment) and validators.
/// </summary>
public sealed record UsgsFetchResult(bool NotModified, byte[] Content, string FileName, string? ETag, string? LastModified);
