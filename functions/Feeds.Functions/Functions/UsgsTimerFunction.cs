using Feeds.Core.Feeds;
using Feeds.Core.Usgs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Feeds.Functions.Functions;

/// <summary>Runs the usgs feed on the schedule in <c>Feeds:Schedules:Usgs</c> (UTC, weekly by default).</summary>
public sealed class UsgsTimerFunction(FeedRunService feeds, ILogger<UsgsTimerFunction> logger)
{
    [Function("UsgsTimer")]
    public async Task Run(
        [TimerTrigger("%Feeds:Schedules:Usgs%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("USGS timer is past due; running now");
        }

        var run = await feeds.RunAsync(UsgsFeed.FeedName, "timer", force: false, progress: null, cancellationToken);
        if (run.Status != FeedRunStatus.Succeeded)
        {
            // Fails the invocation so platform alerts see it; stored slices stay and failed ones run again next week.
            throw new InvalidOperationException($"Feed usgs run {run.RunId} {run.Status}: {run.Error ?? string.Join("; ", run.Outcome?.FailedSlices ?? [])}");
        }
    }
}
