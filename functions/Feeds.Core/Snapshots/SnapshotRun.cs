namespace Feeds.Core.Snapshots;

/// <summary>What an export did: the manifest it published, and the run folders it pruned.</summary>
public sealed record SnapshotRun(SnapshotManifest Manifest, IReadOnlyList<string> Pruned);
