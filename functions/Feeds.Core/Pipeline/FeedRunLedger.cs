using Azure;

namespace Feeds.Core.Pipeline;

/// <summary>
/// The bookkeeping of runs in <c>FeedRuns</c>, safe across instances through ETags: the feed's run lease (one run per
/// feed at a time), a queued run's slice rows, and the fan-in — a slice's end and the run's counts change in one
/// entity-group transaction (same partition), conditional on both rows' ETags, so a slice is counted exactly once
/// however often its message is delivered, and the slice that ends the run knows it did.
/// </summary>
public sealed class FeedRunLedger(FeedTables tables, IOptions<FeedRunOptions> options, TimeProvider time, ILogger<FeedRunLedger> logger)
{
    /// <summary>RowKey of the feed's run lease: which run holds the feed.</summary>
    public const string LeaseRow = FeedRunStore.RunRowsEnd + "lease";

    public const string SliceRowPrefix = FeedRunStore.RunRowsEnd + "slice-";

    /// <summary>Property of a run row: when a worker claimed finishing it (<see cref="TryClaimFinishAsync"/>).</summary>
    private const string FinishingSince = "FinishingSince";

    private const int MaxAttempts = 50;

    private TableClient Table => tables.Get(FeedTables.FeedRuns);

    public static string SliceRow(string runKey, string slice) => $"{SliceRowPrefix}{runKey}-{slice}";

    /// <summary>The slice key of the planned slice at <paramref name="index"/>.</summary>
    public static string SliceKey(int index) => index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes the feed's lease for <paramref name="run"/> and stores its record (and its slices' rows, if queued) in
    /// the same transaction. A lease held by a run that is still running and not stale wins: that run is returned and
    /// nothing is written. A lease of a finished run, or of one stale past <see cref="FeedRunOptions.StaleAfter"/>, is
    /// taken over (the stale run is recorded as failed).
    /// </summary>
    /// <returns>Null when the run holds the feed now; otherwise the run that does.</returns>
    public async Task<FeedRunRecord?> TryBeginAsync(FeedRunRecord run, IReadOnlyList<FeedSlice> slices, CancellationToken cancellationToken)
    {
        var runKey = FeedRunStore.RowKey(run);
        var lease = new TableEntity(run.Feed, LeaseRow) { ["RunId"] = run.RunId, ["RunKey"] = runKey, ["StartedAt"] = run.StartedAt };
        var sliceRows = slices.Select((s, i) => new TableEntity(run.Feed, SliceRow(runKey, SliceKey(i)))
        {
            ["RunId"] = run.RunId,
            ["Status"] = "Pending",
            ["Description"] = TextLimits.Truncate(s.Description),
        }).ToList();

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var held = await Table.GetEntityIfExistsAsync<TableEntity>(run.Feed, LeaseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            FeedRunRecord? stale = null;
            TableTransactionAction claim;
            if (held.HasValue && held.Value is { } current)
            {
                var holder = await GetRunAsync(run.Feed, current.GetString("RunKey") ?? "", cancellationToken).ConfigureAwait(false);
                if (holder is { Status: FeedRunStatus.Running } && !IsStale(holder))
                {
                    return holder;
                }

                stale = holder is { Status: FeedRunStatus.Running } ? holder : null;
                claim = new TableTransactionAction(TableTransactionActionType.UpdateReplace, lease, current.ETag);
            }
            else
            {
                claim = new TableTransactionAction(TableTransactionActionType.Add, lease);
            }

            // The lease, the run and as many slice rows as fit go in together; the rest follow before any message is sent.
            List<TableTransactionAction> actions = [claim, new(TableTransactionActionType.Add, FeedRunStore.ToEntity(run))];
            actions.AddRange(sliceRows.Take(TableBatchWriter.MaxOperations - actions.Count).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another start took the lease in between: look again.
                continue;
            }

            if (stale is not null)
            {
                logger.LogWarning("Feed {Feed} run {RunId} made no progress for {StaleAfter}; run {NewRunId} takes the feed over", stale.Feed, stale.RunId, options.Value.StaleAfter, run.RunId);
                await MarkAbandonedAsync(stale, run.RunId, cancellationToken).ConfigureAwait(false);
            }

            var first = TableBatchWriter.MaxOperations - 2;
            if (sliceRows.Count > first)
            {
                await TableBatchWriter.UpsertReplaceAsync(Table, sliceRows.Skip(first), cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        throw new InvalidOperationException($"Could not take the run lease of feed {run.Feed} (too much contention).");
    }

    /// <summary>Gives the feed's lease back if <paramref name="runId"/> still holds it.</summary>
    public async Task ReleaseAsync(string feed, string runId, CancellationToken cancellationToken)
    {
        var held = await Table.GetEntityIfExistsAsync<TableEntity>(feed, LeaseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (held.HasValue && held.Value is { } lease && lease.GetString("RunId") == runId)
        {
            try
            {
                await Table.DeleteEntityAsync(feed, LeaseRow, lease.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Taken over or released meanwhile.
            }
        }
    }

    public async Task<FeedRunRecord?> GetRunAsync(string feed, string runKey, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(runKey))
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<TableEntity>(feed, runKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? FeedRunStore.ToRecord(e) : null;
    }

    /// <summary>
    /// Ends a slice and adds its outcome (or its failure) to the run, in one transaction. A slice that has ended
    /// already (a duplicate delivery, or another worker's) changes nothing.
    /// </summary>
    /// <returns>Whether this call ended the slice, and the run as it stands after it (null when the slice is unknown).</returns>
    public async Task<(bool Ended, FeedRunRecord? Run)> EndSliceAsync(
        FeedSliceMessage message, FeedRunOutcome? outcome, string? failure, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (slice, run) = await ReadAsync(message, cancellationToken).ConfigureAwait(false);
            if (slice is null || run is null)
            {
                return (false, run is null ? null : FeedRunStore.ToRecord(run));
            }

            if (slice.GetString("Status") != "Pending")
            {
                return (false, FeedRunStore.ToRecord(run));
            }

            var failed = failure is not null || outcome is { Succeeded: false };
            var reason = failure ?? (outcome is { Succeeded: false } ? string.Join("; ", outcome.FailedSlices.Take(3)) : null);
            var now = time.GetUtcNow();
            var record = FeedRunStore.ToRecord(run);
            var progress = record.Slices ?? new FeedRunProgress(0, 0, 0);
            var before = record.Outcome ?? new FeedRunOutcome(RecordCounts.Zero, 0, 0, 0, 0, []);
            var folded = outcome is null ? before : new FeedRunOutcome(
                before.Records.Add(outcome.Records),
                before.EntitiesWritten + outcome.EntitiesWritten,
                before.EntitiesDeleted + outcome.EntitiesDeleted,
                before.SlicesStored + outcome.SlicesStored,
                before.SlicesUnchanged + outcome.SlicesUnchanged,
                [.. before.FailedSlices, .. outcome.FailedSlices]);
            if (failure is not null)
            {
                folded = folded with { FailedSlices = [.. folded.FailedSlices, $"{slice.GetString("Description")}: {failure}"] };
            }

            var next = record with
            {
                Outcome = folded,
                UpdatedAt = now,
                Slices = progress with { Done = progress.Done + (failed ? 0 : 1), Failed = progress.Failed + (failed ? 1 : 0) },
            };
            slice["Status"] = failed ? "Failed" : "Done";
            slice["Reason"] = reason is null ? null : TextLimits.Truncate(reason);
            slice["EndedAt"] = now;
            slice["RecordsRead"] = outcome?.Records.Read;
            try
            {
                await Table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, FeedRunStore.ToEntity(next), run.ETag),
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, slice, slice.ETag),
                    ],
                    cancellationToken).ConfigureAwait(false);
                return (true, next);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Another slice of the run ended meanwhile: read both rows again (after a short, jittered pause).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (attempt * 10))), time, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Could not record slice {message.Slice} of feed {message.Feed} run {message.RunId} (too much contention).");
    }

    /// <summary>
    /// Records the final status of a run whose slices have all ended and gives its lease back, in one transaction.
    /// </summary>
    /// <returns>The finished run, or null when it had already been finished.</returns>
    public async Task<FeedRunRecord?> CompleteAsync(string feed, string runKey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(feed, runKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value is not { } run || FeedRunStore.ToRecord(run) is not { Status: FeedRunStatus.Running } record)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var finished = record with { Status = FinalStatus(record), FinishedAt = now, UpdatedAt = now };
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, FeedRunStore.ToEntity(finished), run.ETag)];
            var lease = await Table.GetEntityIfExistsAsync<TableEntity>(feed, LeaseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (lease.HasValue && lease.Value is { } held && held.GetString("RunId") == record.RunId)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, held, held.ETag));
            }

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return finished;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
            {
                // The lease or the run changed meanwhile: read again.
            }
        }

        throw new InvalidOperationException($"Could not finish feed {feed} run {runKey} (too much contention).");
    }

    /// <summary>
    /// Claims the finishing of a run whose slices have all ended (its follow-ups, then <see cref="CompleteAsync"/>), with
    /// an ETag-conditional write on the run row, so two deliveries that both see the run ended do not both run the
    /// follow-ups. A claim older than <paramref name="claimTimeout"/> (its worker died while finishing) may be taken over.
    /// </summary>
    /// <returns>Whether this caller finishes the run.</returns>
    public async Task<bool> TryClaimFinishAsync(string feed, string runKey, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(feed, runKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value is not { } run || run.GetString("Status") != nameof(FeedRunStatus.Running))
            {
                return false;
            }

            var now = time.GetUtcNow();
            if (run.GetDateTimeOffset(FinishingSince) is { } since && now - since < claimTimeout)
            {
                return false;
            }

            try
            {
                await Table.UpdateEntityAsync(new TableEntity(feed, runKey) { [FinishingSince] = now }, run.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Another finisher (or a slice's end) changed the row meanwhile: read again.
            }
        }

        return false;
    }

    /// <summary>The slice's state (<c>Pending</c>, <c>Done</c>, <c>Failed</c>; null when unknown) and its run.</summary>
    public async Task<(string? Status, FeedRunRecord? Run)> SliceAsync(FeedSliceMessage message, CancellationToken cancellationToken)
    {
        var (slice, run) = await ReadAsync(message, cancellationToken).ConfigureAwait(false);
        return (slice?.GetString("Status"), run is null ? null : FeedRunStore.ToRecord(run));
    }

    /// <summary>The status a run whose slices have all ended gets: any failure makes it partial.</summary>
    public static FeedRunStatus FinalStatus(FeedRunRecord run) =>
        run.Slices is { Failed: > 0 } || run.Outcome is { Succeeded: false } ? FeedRunStatus.PartiallyFailed : FeedRunStatus.Succeeded;

    private bool IsStale(FeedRunRecord run) => time.GetUtcNow() - (run.UpdatedAt ?? run.StartedAt) > options.Value.StaleAfter;

    private async Task<(TableEntity? Slice, TableEntity? Run)> ReadAsync(FeedSliceMessage message, CancellationToken cancellationToken)
    {
        var slice = await Table.GetEntityIfExistsAsync<TableEntity>(message.Feed, SliceRow(message.RunKey, message.Slice), cancellationToken: cancellationToken).ConfigureAwait(false);
        var run = await Table.GetEntityIfExistsAsync<TableEntity>(message.Feed, message.RunKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (slice.HasValue ? slice.Value : null, run.HasValue ? run.Value : null);
    }

    private async Task MarkAbandonedAsync(FeedRunRecord stale, string successor, CancellationToken cancellationToken)
    {
        var update = new TableEntity(stale.Feed, FeedRunStore.RowKey(stale))
        {
            ["Status"] = nameof(FeedRunStatus.Failed),
            ["FinishedAt"] = time.GetUtcNow(),
            ["Error"] = $"Abandoned: no slice ended for {options.Value.StaleAfter}; run {successor} took the feed over.",
            ["ErrorCategory"] = FeedErrors.Timeout,
        };
        try
        {
            await Table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone: nothing to mark.
        }
    }
}
