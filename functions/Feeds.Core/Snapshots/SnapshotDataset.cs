namespace Feeds.Core.Snapshots;

/// <summary>
/// One exported dataset: a feed table (logical name) exported whole, the file name partners see, and the feeds
/// that write the table (the export waits until none of them is running).
/// </summary>
public sealed record SnapshotDataset(string Table, string Name, IReadOnlyList<string> Feeds);
