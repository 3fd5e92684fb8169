namespace Feeds.Core.Pipeline;

/// <summary>
/// A feed: runs whole in one process (<see cref="RunAsync"/>), or planned into slices that any worker runs
/// (<see cref="PlanAsync"/>, <see cref="RunSliceAsync"/>) — the same slice logic either way. Runners are idempotent
/// and advance checkpoints only after the data they cover is stored.
/// </summary>
public interface IFeedRunner
{
    /// <summary>Lower-case feed name (<c>catalog</c>, <c>comtrade</c>, <c>usgs</c>): the FeedRuns partition and the CLI verb argument.</summary>
    string Name { get; }

    /// <summary>How old the last successful run may be before the feed counts as stale.</summary>
    TimeSpan MaxAge { get; }

    /// <summary>The fields of <see cref="FeedRunRequest"/> besides <c>force</c> the feed takes (as the operator API names them).</summary>
    IReadOnlyList<string> RequestFields { get; }

    Task<FeedRunOutcome> RunAsync(FeedRunContext context, CancellationToken cancellationToken);

    /// <summary>What is wrong with a request for this feed, by field (empty: it can be planned).</summary>
    IEnumerable<(string Field, string Problem)> Check(FeedRunRequest request);

    /// <summary>The run's slices, in the order they should run.</summary>
    Task<IReadOnlyList<FeedSlice>> PlanAsync(FeedRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one planned slice. Failures the feed handles (a source that answered an error after retries) are in the
    /// outcome; an exception leaves the slice to the queue's retries, then to the poison queue.
    /// </summary>
    Task<FeedRunOutcome> RunSliceAsync(FeedSlice slice, FeedRunContext context, CancellationToken cancellationToken);
}
