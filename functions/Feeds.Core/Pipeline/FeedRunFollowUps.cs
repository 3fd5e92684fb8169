namespace Feeds.Core.Pipeline;

/// <summary>
/// Tells every <see cref="IFeedRunObserver"/> (the indicators) that a run finished, while its record still says
/// Running, so a snapshot that waits for running feeds also waits for the data derived from them. An observer's
/// failure is logged, never the run's: derived data can be recomputed on demand.
/// </summary>
public sealed class FeedRunFollowUps(IEnumerable<IFeedRunObserver> observers, ILogger<FeedRunFollowUps> logger)
{
    public async Task RunAsync(FeedRunRecord finished, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnRunFinishedAsync(finished, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Observer {Observer} failed after feed {Feed} run {RunId}", observer.GetType().Name, finished.Feed, finished.RunId);
            }
        }
    }
}
