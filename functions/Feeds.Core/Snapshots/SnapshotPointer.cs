namespace Feeds.Core.Snapshots;

/// <summary><c>latest.json</c> at the container root: the newest complete run folder and its manifest.</summary>
public sealed record SnapshotPointer(int SchemaVersion, string Date, string RunId, string Folder, string Manifest, DateTimeOffset GeneratedAt);
