namespace Feeds.Core.Snapshots;

/// <summary>Links to the latest snapshot: the manifest and every file, all expiring at <c>ExpiresAt</c>.</summary>
public sealed record SnapshotLinks(string Folder, DateTimeOffset ExpiresAt, SnapshotLink Manifest, IReadOnlyList<SnapshotLink> Files);
