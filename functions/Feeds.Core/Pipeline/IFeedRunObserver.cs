namespace Feeds.Core.Pipeline;

/// <summary>
/// Told about every finished feed run (after its record is saved), so derived data such as the indicators can follow
/// the feeds without <see cref="FeedRunService"/> knowing about it. An observer's failure is logged, never the run's.
/// </summary>
public interface IFeedRunObserver
{
    Task OnRunFinishedAsync(FeedRunRecord run, CancellationToken cancellationToken);
}
