namespace Feeds.Core.Snapshots;

/// <summary>A run folder in the container; <c>Complete</c> when its manifest exists (written last).</summary>
public sealed record SnapshotFolder(string Date, string RunId, string Folder, bool Complete, DateTimeOffset? CompletedAt);
