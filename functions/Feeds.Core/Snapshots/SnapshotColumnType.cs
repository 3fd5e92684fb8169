namespace Feeds.Core.Snapshots;

/// <summary>A snapshot column's type: the table's Edm type, widened when entities disagree.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The manifest names each column's type with these words; partners' readers depend on them.")]
public enum SnapshotColumnType
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Timestamp,
}
