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
    /// <summary>A queued run's slices; null for a run made in one process.</summary>
    public FeedRunProgress? Slices { get; init; }

    /// <summary>When the record last changed (a slice ended): how a dead run is told from a slow one.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The run's id: its start time to the millisecond (the FeedRuns RowKey follows from it) and a random suffix.</summary>
    public static (string RunId, DateTimeOffset StartedAt) NewId(TimeProvider time)
    {
        var now = time.GetUtcNow();
        var started = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var runId = started.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" +
                    Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        return (runId, started);
    }

    /// <summary>The start time a run id names (to the millisecond), or null when it is not a run id.</summary>
    public static DateTimeOffset? StartOf(string runId) =>
        runId.Length > 19 && DateTimeOffset.TryParseExact(runId[..19], "yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : null;
}
