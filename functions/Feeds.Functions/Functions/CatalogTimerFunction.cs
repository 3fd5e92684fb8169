using Feeds.Core.Catalog;
using Feeds.Core.Feeds;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Feeds.Functions.Functions;

/// <summary>Seeds the catalog tables on the schedule in <c>Feeds:Schedules:Catalog</c> (UTC).</summary>
public sealed class CatalogTimerFunction(FeedRunService feeds, ILogger<CatalogTimerFunction> logger)
{
    [Function("CatalogTimer")]
    public async Task Run(
        [TimerTrigger("%Feeds:Schedules:Catalog%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Catalog timer is past due; running now");
        }

        var run = await feeds.RunAsync(CatalogFeed.FeedName, "timer", force: false, progress: null, cancellationToken);
        if (run.Status == FeedRunStatus.Failed)
        {
            // Fails the invocation so the platform's failure metrics and alerts see it; the run record has the detail.
            throw new InvalidOperationException($"Feed catalog run {run.RunId} failed: {run.Error}");
        }
    }
}
