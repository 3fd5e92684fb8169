namespace Feeds.Core.Snapshots;

/// <summary>A snapshot column's type: the table's Edm type, widened when entities disagree.</summary>
public enum SnapshotColumnType
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Timestamp,
}
