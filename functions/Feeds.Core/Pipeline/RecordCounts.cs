namespace Feeds.Core.Pipeline;

/// <summary>
/// What became of every source record a run read. Each record ends in exactly one outcome, so
/// <see cref="Stored"/> + <see cref="Unchanged"/> + <see cref="Superseded"/> + <see cref="Quarantined"/> +
/// <see cref="OutOfScope"/> = <see cref="Read"/>. Out of scope: a well-formed record about something the
/// deployment does not cover (a commodity on no critical-mineral list); it is counted, not stored, not quarantined.
/// </summary>
public sealed record RecordCounts(long Read, long Stored, long Unchanged, long Superseded, long Quarantined, long OutOfScope = 0)
{
    public static RecordCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public bool AddsUp => Stored + Unchanged + Superseded + Quarantined + OutOfScope == Read;

    public RecordCounts Add(RecordCounts other) => new(
        Read + other.Read, Stored + other.Stored, Unchanged + other.Unchanged,
        Superseded + other.Superseded, Quarantined + other.Quarantined, OutOfScope + other.OutOfScope);
}
