namespace Feeds.Core.Pipeline;

/// <summary>
/// Processes one <c>feed-slices</c> message: the seam both hosts share (the Functions queue trigger and the in-process
/// <see cref="FeedQueueWorker"/>). A slice that has ended already (a duplicate delivery) changes nothing. The slice
/// runs through its feed's own slice logic (checkpoints, quarantine, counts); its end is added to the run; the slice
/// that ends the run runs the follow-ups (the indicators) and records the final status. An exception is thrown back
/// so the queue retries the message; on its last attempt the failure is first recorded on the run.
/// </summary>
public sealed class FeedSliceProcessor(
    IEnumerable<IFeedRunner> runners,
    FeedRunLedger ledger,
    FeedRunFollowUps followUps,
    FeedTables tables,
    TimeProvider time,
    ILogger<FeedSliceProcessor> logger)
{
    /// <summary>Quarantine sequences per slice: each slice of a run writes its rejected records in its own range.</summary>
    public const int QuarantinePerSlice = 1_000_000;

    /// <summary>A finisher that has not completed the run after this is taken to have died (indicators take seconds).</summary>
    private static readonly TimeSpan FinishClaimTimeout = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, IFeedRunner> _runners = runners.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    /// <param name="text">The message text.</param>
    /// <param name="dequeueCount">This delivery's attempt number (1 on the first).</param>
    public async Task ProcessAsync(string text, long dequeueCount, CancellationToken cancellationToken)
    {
        if (FeedSliceMessage.Parse(text) is not { } message || !_runners.TryGetValue(message.Feed, out var runner)
            || !int.TryParse(message.Slice, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            // Retrying cannot make it readable.
            logger.LogError("Dropped a queue message that is not a slice of a known feed: {Text}", TextLimits.Excerpt(text));
            return;
        }

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (status, run) = await ledger.SliceAsync(message, cancellationToken).ConfigureAwait(false);
        if (status is null || run is null)
        {
            logger.LogWarning("Feed {Feed} run {RunId} has no slice {Slice}; message dropped", message.Feed, message.RunId, message.Slice);
            return;
        }

        if (status != "Pending")
        {
            logger.LogInformation("Feed {Feed} run {RunId} slice {Slice} ended already ({Status}); duplicate delivery ignored", message.Feed, message.RunId, message.Slice, status);
            if (run is { Status: FeedRunStatus.Running, Slices.Ended: true })
            {
                // The worker that ended the last slice stopped before finishing the run.
                await FinishAsync(run, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        FeedRunOutcome outcome;
        var started = time.GetTimestamp();
        try
        {
            var context = new FeedRunContext(message.RunId, message.Force, null, index * QuarantinePerSlice);
            outcome = await runner.RunSliceAsync(new FeedSlice(message.Description, message.Payload), context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Feed {Feed} run {RunId} slice {Slice} ({Description}) failed on attempt {Attempt} of {MaxAttempts}",
                message.Feed, message.RunId, message.Slice, message.Description, dequeueCount, FeedSliceQueues.MaxDequeueCount);
            if (dequeueCount >= FeedSliceQueues.MaxDequeueCount)
            {
                // The last attempt: the message goes to the poison queue, and the run records why.
                await EndAsync(message, null, $"failed {dequeueCount} times; last error: {ex.Message}", CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        logger.LogInformation(
            "Feed {Feed} run {RunId} slice {Slice} ({Description}) in {Seconds:0.0} s: read {Read}, stored {Stored}, unchanged {Unchanged}, superseded {Superseded}, quarantined {Quarantined}, failed {Failed}",
            message.Feed, message.RunId, message.Slice, message.Description, time.GetElapsedTime(started).TotalSeconds, outcome.Records.Read, outcome.Records.Stored,
            outcome.Records.Unchanged, outcome.Records.Superseded, outcome.Records.Quarantined, outcome.FailedSlices.Count);
        await EndAsync(message, outcome, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records on its run a slice whose message goes to the poison queue without a last attempt that could record it
    /// (the worker of that attempt stopped); a slice that ended already stays as it ended.
    /// </summary>
    public async Task RecordPoisonedAsync(string text, string reason, CancellationToken cancellationToken)
    {
        if (FeedSliceMessage.Parse(text) is { } message && _runners.ContainsKey(message.Feed))
        {
            await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await EndAsync(message, null, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EndAsync(FeedSliceMessage message, FeedRunOutcome? outcome, string? failure, CancellationToken cancellationToken)
    {
        var (ended, run) = await ledger.EndSliceAsync(message, outcome, failure, cancellationToken).ConfigureAwait(false);
        if (ended && run is { Slices.Ended: true })
        {
            await FinishAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The follow-ups while the run still says Running (the snapshot waits for them), then the final status — by the
    /// one caller that claims it, however many deliveries see the run ended.
    /// </summary>
    private async Task FinishAsync(FeedRunRecord run, CancellationToken cancellationToken)
    {
        if (!await ledger.TryClaimFinishAsync(run.Feed, FeedRunStore.RowKey(run), FinishClaimTimeout, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await followUps.RunAsync(run with { Status = FeedRunLedger.FinalStatus(run), FinishedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        if (await ledger.CompleteAsync(run.Feed, FeedRunStore.RowKey(run), CancellationToken.None).ConfigureAwait(false) is not { } finished)
        {
            return;
        }

        await followUps.RunRecordedAsync().ConfigureAwait(false);

        var r = finished.Outcome?.Records ?? RecordCounts.Zero;
        var level = finished.Status == FeedRunStatus.Succeeded ? LogLevel.Information : LogLevel.Error;
        logger.Log(level,
            "Feed {Feed} run {RunId} {Status}: slices {Done} done, {FailedWork} failed of {Planned}; read {Read}, stored {Stored}, unchanged {Unchanged}, superseded {Superseded}, quarantined {Quarantined}",
            finished.Feed, finished.RunId, finished.Status, finished.Slices?.Done, finished.Slices?.Failed, finished.Slices?.Planned,
            r.Read, r.Stored, r.Unchanged, r.Superseded, r.Quarantined);
    }
}
