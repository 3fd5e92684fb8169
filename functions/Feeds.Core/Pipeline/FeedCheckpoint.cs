namespace Feeds.Core.Pipeline;

/// <summary>
/// What a slice's checkpoint says about the source it last stored: the content hash, the HTTP validators
/// (<c>ETag</c>, <c>Last-Modified</c>) to send back as a conditional request, and how many source records it held, so
/// a <c>304 Not Modified</c> can still be reported as that many records unchanged.
/// </summary>
public sealed record FeedCheckpoint(string Hash, string? ETag, string? LastModified, long Records);
