namespace Feeds.Core.Pipeline;

/// <summary>One run of one feed, as stored in <c>FeedRuns</c> (PartitionKey feed, RowKey inverted start ticks).</summary>
public sealed record FeedRunRecord(
    string Feed,
    string RunId,
    string Trigger,
    FeedRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    FeedRunOutcome? Outcome,
    string? Error)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>For a failed run, the kind of failure in a word the public may see (<see cref="FeedErrors"/>).</summary>
    public string? ErrorCategory { get; init; }
}
