namespace Feeds.Core.Reserves;

/// <summary>Rows parsed and checked but not written yet: flushed every <see cref="FlushAt"/> rows so writes fill their batches.</summary>
public sealed class UsgsPendingWrites
{
    /// <summary>Enough rows for full 100-operation transactions over several partitions at once; small enough to keep memory flat.</summary>
    public const int FlushAt = 1_000;

    public List<TableEntity> Reserves { get; } = [];
    public List<TableEntity> Salient { get; } = [];

    public int Count => Reserves.Count + Salient.Count;
}
