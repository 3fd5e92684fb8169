using Feeds.Core.Feeds;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Feeds.Functions.Functions;

/// <summary>What every feed timer does: log a missed schedule, run the feed, fail the invocation if the run failed.</summary>
public sealed class FeedTimerRunner(FeedRunService feeds, ILogger<FeedTimerRunner> logger)
{
    public async Task RunAsync(string feed, TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Timer of feed {Feed} is past due; running now", feed);
        }

        var run = await feeds.RunAsync(feed, "timer", force: false, progress: null, cancellationToken).ConfigureAwait(false);
        if (run.Status == FeedRunStatus.Failed)
        {
            // Fails the invocation so the platform's failure metrics and alerts see it; the run record has the detail.
            throw new InvalidOperationException($"Feed {feed} run {run.RunId} failed: {run.Error}");
        }

        if (run.Status == FeedRunStatus.PartiallyFailed)
        {
            // Stored slices are kept and the failed ones run again next time: visible, not an invocation failure.
            logger.LogWarning("Feed {Feed} run {RunId}: {Failed} slices failed and run again next time",
                feed, run.RunId, run.Outcome?.FailedSlices.Count);
        }
    }
}
