namespace Feeds.Core.Pipeline;

/// <summary>What a feed runner reports back: record outcomes, entities written and removed, slices, and failures.</summary>
public sealed record FeedRunOutcome(
    RecordCounts Records,
    long EntitiesWritten,
    long EntitiesDeleted,
    int SlicesStored,
    int SlicesUnchanged,
    IReadOnlyList<string> FailedSlices)
{
    public bool Succeeded => FailedSlices.Count == 0;
}
