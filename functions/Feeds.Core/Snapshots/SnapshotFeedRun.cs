namespace Feeds.Core.Snapshots;

/// <summary>The latest run of a feed when its datasets were read: the data a snapshot holds came from it (or earlier runs).</summary>
public sealed record SnapshotFeedRun(
    string Feed,
    string? RunId,
    string? Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Datasets);
