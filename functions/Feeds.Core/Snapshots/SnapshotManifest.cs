namespace Feeds.Core.Snapshots;

/// <summary><c>{date}/{runId}/manifest.json</c>: what a complete snapshot holds.</summary>
public sealed record SnapshotManifest(
    int SchemaVersion,
    string Date,
    string RunId,
    string Folder,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SnapshotFile> Files,
    IReadOnlyList<SnapshotFeedRun> FeedRuns)
{
    public const int CurrentSchemaVersion = 1;
}
