namespace Feeds.Core.Pipeline;

/// <summary>
/// Runs a feed whole, in this process, and records the run: a <c>Running</c> row first (holding the feed's run lease,
/// so it never overlaps a queued run), then the final status with counts, duration and error. A failure is recorded
/// and returned, never thrown past here. The hosts start runs through the queue (<see cref="FeedRunStarter"/>); this is
/// the one-process reference the tests compare queued runs with.
/// </summary>
public sealed class FeedRunService(
    IEnumerable<IFeedRunner> runners,
    FeedRunFollowUps followUps,
    FeedRunStore runs,
    FeedRunLedger ledger,
    FeedTables tables,
    TimeProvider time,
    ILogger<FeedRunService> logger)
{
    private readonly Dictionary<string, IFeedRunner> _runners =
        runners.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> FeedNames => _runners.Keys;

    public IFeedRunner? Find(string feed) => _runners.GetValueOrDefault(feed);

    /// <exception cref="FeedRunConflictException">Another run of the feed is running.</exception>
    public async Task<FeedRunRecord> RunAsync(
        string feed, string trigger, bool force, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var runner = Find(feed) ?? throw new ArgumentException(
            $"Unknown feed '{feed}'; known feeds: {string.Join(", ", _runners.Keys)}.", nameof(feed));

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (runId, started) = FeedRunRecord.NewId(time);
        var running = new FeedRunRecord(runner.Name, runId, trigger, FeedRunStatus.Running, started, null, null, null);
        if (await ledger.TryBeginAsync(running, [], cancellationToken).ConfigureAwait(false) is { } holder)
        {
            throw new FeedRunConflictException(holder);
        }

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

        await followUps.RunAsync(finished, cancellationToken).ConfigureAwait(false);

        // Recorded even when the caller is cancelling, so the run does not stay "Running" forever.
        await runs.SaveAsync(finished, CancellationToken.None).ConfigureAwait(false);
        await ledger.ReleaseAsync(runner.Name, runId, CancellationToken.None).ConfigureAwait(false);
        await followUps.RunRecordedAsync().ConfigureAwait(false);
        return finished;
    }
}
