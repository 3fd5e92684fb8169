using Feeds.Core.Storage;

namespace Feeds.Core.Pipeline;

/// <summary>
/// Runs a feed and records the run: a <c>Running</c> row first, then the final status with counts, duration and
/// error. A failure is recorded and returned, never thrown past here, so a timer, the local host and an operator
/// all see the same record.
/// </summary>
public sealed class FeedRunService(
    IEnumerable<IFeedRunner> runners,
    IEnumerable<IFeedRunObserver> observers,
    FeedRunStore runs,
    FeedTables tables,
    TimeProvider time,
    ILogger<FeedRunService> logger)
{
    private readonly Dictionary<string, IFeedRunner> _runners =
        runners.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> FeedNames => _runners.Keys;

    public IFeedRunner? Find(string feed) => _runners.GetValueOrDefault(feed);

    public async Task<FeedRunRecord> RunAsync(
        string feed, string trigger, bool force, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var runner = Find(feed) ?? throw new ArgumentException(
            $"Unknown feed '{feed}'; known feeds: {string.Join(", ", _runners.Keys)}.", nameof(feed));

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var runId = started.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" +
                    Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        var running = new FeedRunRecord(runner.Name, runId, trigger, FeedRunStatus.Running, started, null, null, null);
        await runs.SaveAsync(running, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Feed {Feed} run {RunId} started ({Trigger}, force {Force})", runner.Name, runId, trigger, force);

        FeedRunRecord finished;
        try
        {
            var outcome = await runner.RunAsync(new FeedRunContext(runId, force, progress), cancellationToken).ConfigureAwait(false);
            var status = outcome.Succeeded ? FeedRunStatus.Succeeded : FeedRunStatus.PartiallyFailed;
            finished = running with { Status = status, FinishedAt = time.GetUtcNow(), Outcome = outcome };
            logger.LogInformation(
                "Feed {Feed} run {RunId} {Status}: read {Read}, stored {Stored}, unchanged {Unchanged}, superseded {Superseded}, quarantined {Quarantined}, out of scope {OutOfScope}, failed slices {FailedSlices}",
                runner.Name, runId, status, outcome.Records.Read, outcome.Records.Stored, outcome.Records.Unchanged,
                outcome.Records.Superseded, outcome.Records.Quarantined, outcome.Records.OutOfScope, outcome.FailedSlices.Count);
        }
        catch (Exception ex)
        {
            var cancelled = ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
            logger.LogError(ex, "Feed {Feed} run {RunId} failed", runner.Name, runId);
            finished = running with
            {
                Status = FeedRunStatus.Failed,
                FinishedAt = time.GetUtcNow(),
                Error = cancelled ? "Cancelled before it finished; stored slices are kept and the rest run next time." : ex.Message,
                ErrorCategory = FeedErrors.Category(ex, cancelled),
            };
        }

        // Observers (the indicators) run while the run is still recorded as Running, so a snapshot that waits for
        // running feeds also waits for the data derived from them.
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnRunFinishedAsync(finished, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Derived data can be recomputed on demand; the feed's own outcome stands.
                logger.LogError(ex, "Observer {Observer} failed after feed {Feed} run {RunId}", observer.GetType().Name, runner.Name, runId);
            }
        }

        // Recorded even when the caller is cancelling, so the run does not stay "Running" forever.
        await runs.SaveAsync(finished, CancellationToken.None).ConfigureAwait(false);
        return finished;
    }
}
