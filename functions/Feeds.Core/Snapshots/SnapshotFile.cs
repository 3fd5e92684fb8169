namespace Feeds.Core.Snapshots;

/// <summary>One file of a snapshot as the manifest lists it; <c>Path</c> is relative to the container.</summary>
public sealed record SnapshotFile(
    string Dataset,
    string Format,
    string Path,
    long Rows,
    long Bytes,
    string Sha256,
    IReadOnlyList<SnapshotColumn> Columns);
