namespace Feeds.Core.Pipeline;

/// <summary>
/// What a feed run has done so far, slice by slice: record outcomes, entities written and deleted, slices stored,
/// unchanged and failed, and the next quarantine sequence. Every feed reports through it, so outcomes are built alike.
/// </summary>
public sealed class FeedRunTally
{
    private readonly SortedDictionary<string, string?> _failed = new(StringComparer.Ordinal);

    /// <summary>A tally for a run or one of its slices, quarantining from the context's first sequence on.</summary>
    public static FeedRunTally For(FeedRunContext context) => new() { QuarantineSequence = context.QuarantineStart };

    public RecordCounts Counts { get; private set; } = RecordCounts.Zero;
    public long EntitiesWritten { get; set; }
    public long EntitiesDeleted { get; set; }
    public int SlicesStored { get; set; }
    public int SlicesUnchanged { get; set; }
    public int QuarantineSequence { get; set; }
    public int FailedCount => _failed.Count;

    public void Add(RecordCounts counts) => Counts = Counts.Add(counts);

    /// <summary>Marks a slice failed (the first reason stays); it runs again next time.</summary>
    public void Fail(string slice, string? reason = null) => _failed.TryAdd(slice, reason);

    /// <summary>A slice that failed earlier in the run (e.g. a capped request) was stored after all.</summary>
    public void Stored(string slice) => _failed.Remove(slice);

    public FeedRunOutcome ToOutcome() => new(
        Counts, EntitiesWritten, EntitiesDeleted, SlicesStored, SlicesUnchanged,
        [.. _failed.Select(f => f.Value is null ? f.Key : $"{f.Key}: {f.Value}")]);
}
