namespace Feeds.Core.Pipeline;

/// <summary>
/// A feed: one entry point used by its timer function, the local host and the tests. Runners are idempotent and
/// advance checkpoints only after the data they cover is stored.
/// </summary>
public interface IFeedRunner
{
    /// <summary>Lower-case feed name (<c>catalog</c>, <c>comtrade</c>, <c>usgs</c>): the FeedRuns partition and the CLI verb argument.</summary>
    string Name { get; }

    /// <summary>How old the last successful run may be before the feed counts as stale.</summary>
    TimeSpan MaxAge { get; }

    Task<FeedRunOutcome> RunAsync(FeedRunContext context, CancellationToken cancellationToken);
}
