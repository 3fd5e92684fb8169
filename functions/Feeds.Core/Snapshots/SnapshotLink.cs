namespace Feeds.Core.Snapshots;

/// <summary>A read-only, short-lived link to one blob of the latest snapshot (null sizes and hashes for the manifest itself).</summary>
public sealed record SnapshotLink(string Path, string? Dataset, string? Format, long? Bytes, string? Sha256, Uri Url);
