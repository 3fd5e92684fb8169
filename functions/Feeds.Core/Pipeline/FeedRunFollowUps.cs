namespace Feeds.Core.Pipeline;

/// <summary>
/// Tells every <see cref="IFeedRunObserver"/> (the indicators) that a run finished, while its record still says
/// Running, so a snapshot that waits for running feeds also waits for the data derived from them. An observer's
/// failure is logged, never the run's: derived data can be recomputed on demand. Then a run that wrote or deleted
/// anything (or may have: a failure) publishes a new version of its dataset, so cached answers computed from the old
/// rows are evicted at once in this host and at the next version check in others.
/// </summary>
public sealed class FeedRunFollowUps(IEnumerable<IFeedRunObserver> observers, DataVersions versions, ILogger<FeedRunFollowUps> logger)
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

        if (finished.Outcome is not { EntitiesWritten: 0, EntitiesDeleted: 0 })
        {
            try
            {
                await versions.PublishAsync(finished.Feed, finished.RunId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Feed {Feed} run {RunId}: its data version could not be published; cached answers expire within the hour", finished.Feed, finished.RunId);
            }
        }
    }

    /// <summary>After a run's final record is saved: what was computed from the run records (health) is stale.</summary>
    public Task RunRecordedAsync() => versions.RunRecordedAsync();
}
