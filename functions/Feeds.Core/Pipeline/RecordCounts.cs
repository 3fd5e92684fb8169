namespace Feeds.Core.Pipeline;

/// <summary>
/// What became of every source record a run read. Each record ends in exactly one outcome, so
/// <see cref="Stored"/> + <see cref="Unchanged"/> + <see cref="Superseded"/> + <see cref="Quarantined"/> = <see cref="Read"/>.
/// </summary>
public sealed record RecordCounts(long Read, long Stored, long Unchanged, long Superseded, long Quarantined)
{
    public static RecordCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public bool AddsUp => Stored + Unchanged + Superseded + Quarantined == Read;

    public RecordCounts Add(RecordCounts other) => new(
        Read + other.Read, Stored + other.Stored, Unchanged + other.Unchanged,
        Superseded + other.Superseded, Quarantined + other.Quarantined);
}
