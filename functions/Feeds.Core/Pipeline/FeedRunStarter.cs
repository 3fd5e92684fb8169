namespace Feeds.Core.Pipeline;

/// <summary>
/// Starts queued runs: plans the feed into slices, takes the feed's run lease with the run record and the slice rows
/// (a second start while a run is running gets <see cref="FeedRunConflictException"/>), then sends one message per
/// slice to the queue. What the timers, the operator route and the local host call; workers do the rest.
/// </summary>
public sealed class FeedRunStarter(
    IEnumerable<IFeedRunner> runners,
    FeedRunLedger ledger,
    FeedRunStore runs,
    FeedSliceQueues queue,
    FeedRunFollowUps followUps,
    FeedTables tables,
    TimeProvider time,
    ILogger<FeedRunStarter> logger)
{
    private readonly Dictionary<string, IFeedRunner> _runners = runners.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    public IFeedRunner? Find(string feed) => _runners.GetValueOrDefault(feed);

    /// <summary>The run as recorded when its messages are sent (Running), or Failed when it could not be planned.</summary>
    /// <exception cref="FeedRunConflictException">Another run of the feed is running.</exception>
    public async Task<FeedRunRecord> StartAsync(string feed, string trigger, FeedRunRequest request, CancellationToken cancellationToken)
    {
        var runner = Find(feed) ?? throw new ArgumentException($"Unknown feed '{feed}'; known feeds: {string.Join(", ", _runners.Keys)}.", nameof(feed));
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await queue.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (runId, started) = FeedRunRecord.NewId(time);
        var record = new FeedRunRecord(runner.Name, runId, trigger, FeedRunStatus.Running, started, null, null, null);

        IReadOnlyList<FeedSlice> slices;
        try
        {
            slices = await runner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing could run (configuration, the catalog): recorded as a failed run, like a run that failed whole.
            logger.LogError(ex, "Feed {Feed} run {RunId} failed: it could not be planned", runner.Name, runId);
            var failed = record with { Status = FeedRunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = ex.Message, ErrorCategory = FeedErrors.Category(ex, cancelled: false) };
            await runs.SaveAsync(failed, CancellationToken.None).ConfigureAwait(false);
            return failed;
        }

        var running = record with
        {
            Slices = new FeedRunProgress(slices.Count, 0, 0),
            Outcome = new FeedRunOutcome(RecordCounts.Zero, 0, 0, 0, 0, []),
            UpdatedAt = started,
        };
        if (await ledger.TryBeginAsync(running, slices, cancellationToken).ConfigureAwait(false) is { } holder)
        {
            throw new FeedRunConflictException(holder);
        }

        logger.LogInformation("Feed {Feed} run {RunId} started ({Trigger}, force {Force}): {Slices} slices queued",
            runner.Name, runId, trigger, request.Force, slices.Count);
        var runKey = FeedRunStore.RowKey(running);
        if (slices.Count == 0)
        {
            await followUps.RunAsync(running with { Status = FeedRunStatus.Succeeded }, cancellationToken).ConfigureAwait(false);
            return await ledger.CompleteAsync(runner.Name, runKey, CancellationToken.None).ConfigureAwait(false) ?? running;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, slices.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            (i, ct) => new ValueTask(queue.SendAsync(
                new FeedSliceMessage(runner.Name, runId, runKey, FeedRunLedger.SliceKey(i), slices[i].Description, request.Force, slices[i].Payload), ct))).ConfigureAwait(false);
        return running;
    }

    /// <summary>Waits until the run is no longer Running, reporting the record each time its slices move.</summary>
    public async Task<FeedRunRecord> WaitAsync(FeedRunRecord run, IProgress<FeedRunRecord>? progress, TimeSpan poll, CancellationToken cancellationToken)
    {
        var runKey = FeedRunStore.RowKey(run);
        FeedRunProgress? reported = null;
        while (true)
        {
            var current = await ledger.GetRunAsync(run.Feed, runKey, cancellationToken).ConfigureAwait(false) ?? run;
            if (current.Slices != reported)
            {
                reported = current.Slices;
                progress?.Report(current);
            }

            if (current.Status != FeedRunStatus.Running)
            {
                return current;
            }

            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
