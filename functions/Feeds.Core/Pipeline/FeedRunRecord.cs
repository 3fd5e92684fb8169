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
}
