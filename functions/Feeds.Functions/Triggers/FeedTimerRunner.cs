using Feeds.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Feeds.Functions.Triggers;

/// <summary>What every feed timer does: log a missed schedule, run the feed, fail the invocation unless the run fully succeeded.</summary>
public sealed class FeedTimerRunner(FeedRunService feeds, ILogger<FeedTimerRunner> logger)
{
    public async Task RunAsync(string feed, TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Timer of feed {Feed} is past due; running now", feed);
        }

        var run = await feeds.RunAsync(feed, "timer", force: false, progress: null, cancellationToken).ConfigureAwait(false);
        if (run.Status != FeedRunStatus.Succeeded)
        {
            // Fails the invocation so the platform's failure metrics and the failed-run alert see it. What was stored
            // stays stored and the failed slices run again next time; the run record has every detail.
            var failed = run.Outcome?.FailedSlices ?? [];
            throw new InvalidOperationException(
                $"Feed {feed} run {run.RunId} {run.Status}: {run.Error ?? string.Join("; ", failed.Take(5))}{(failed.Count > 5 ? $" (+{failed.Count - 5} more)" : "")}");
        }
    }
}
