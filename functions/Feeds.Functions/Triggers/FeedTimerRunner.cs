using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Feeds.Functions.Triggers;

/// <summary>
/// What every feed timer does: plan the run and queue its slices (the queue trigger runs them, on as many instances as
/// the platform scales to). A run still running is left to finish; a run that could not be planned fails the invocation.
/// </summary>
public sealed class FeedTimerRunner(FeedRunStarter starter, ILogger<FeedTimerRunner> logger)
{
    public async Task RunAsync(string feed, TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Timer of feed {Feed} is past due; running now", feed);
        }

        FeedRunRecord run;
        try
        {
            run = await starter.StartAsync(feed, "timer", FeedRunRequest.Default, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedRunConflictException conflict)
        {
            logger.LogWarning("Feed {Feed}: run {RunningRunId} is still running; this timer queues nothing", feed, conflict.Running.RunId);
            return;
        }

        if (run.Status == FeedRunStatus.Failed)
        {
            // Fails the invocation so the platform's failure metrics and the failed-run alert see it.
            throw new InvalidOperationException($"Feed {feed} run {run.RunId} Failed: {run.Error}");
        }
    }
}
