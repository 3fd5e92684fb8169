namespace Feeds.Core.Pipeline;

/// <summary>A run's state as recorded in <c>FeedRuns</c>.</summary>
public enum FeedRunStatus
{
    Running,
    Succeeded,

    /// <summary>Some slices failed; everything stored before the failure stays, and the failed slices run again next time.</summary>
    PartiallyFailed,
    Failed,
}
