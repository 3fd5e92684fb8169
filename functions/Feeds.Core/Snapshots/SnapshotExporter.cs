namespace Feeds.Core.Snapshots;

/// <summary>
/// Makes one partner snapshot: each registered dataset read once (while no feed writing it runs) into a spool, then
/// written as gzip CSV and Parquet into a new <c>{date}/{runId}/</c> folder, each file verified; the manifest last;
/// then <c>latest.json</c> moves; then old folders are pruned. Recorded in <c>FeedRuns</c> under <c>snapshot</c>.
/// </summary>
public sealed class SnapshotExporter(
    FeedTables tables,
    FeedRunStore runs,
    SnapshotStore store,
    SnapshotPruner pruner,
    SnapshotTimings timings,
    TimeProvider time,
    ILogger<SnapshotExporter> logger)
{
    /// <summary>The FeedRuns partition of snapshot runs (not a feed: no freshness alert of its own).</summary>
    public const string RunPartition = "snapshot";

    public async Task<SnapshotRun> ExportAsync(DateOnly? date, string trigger, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await store.EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var day = (date ?? DateOnly.FromDateTime(started.UtcDateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var runId = started.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" +
                    Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        var folder = $"{day}/{runId}/";
        var running = new FeedRunRecord(RunPartition, runId, trigger, FeedRunStatus.Running, started, null, null, null);
        await runs.SaveAsync(running, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Snapshot {RunId} started ({Trigger}) into {Folder}", runId, trigger, folder);

        try
        {
            var files = new List<SnapshotFile>();
            var feedRuns = new Dictionary<string, SnapshotFeedRun>(StringComparer.Ordinal);
            long rows = 0;
            foreach (var dataset in SnapshotDatasets.All)
            {
                var (spool, latestRuns) = await ReadConsistentAsync(dataset, cancellationToken).ConfigureAwait(false);
                using (spool)
                {
                    rows += spool.Rows;
                    files.Add(await WriteFileAsync(folder, dataset, "csv.gz", "application/gzip", spool, SnapshotCsv.WriteAsync, cancellationToken).ConfigureAwait(false));
                    progress?.Report($"{files[^1].Path}: {spool.Rows} rows");
                    files.Add(await WriteFileAsync(folder, dataset, "parquet", "application/vnd.apache.parquet", spool, WriteParquetAsync, cancellationToken).ConfigureAwait(false));
                    progress?.Report($"{files[^1].Path}: {spool.Rows} rows");
                }

                foreach (var (feed, run) in latestRuns)
                {
                    var datasets = feedRuns.TryGetValue(feed, out var seen) ? [.. seen.Datasets, dataset.Name] : new List<string> { dataset.Name };
                    feedRuns[feed] = new SnapshotFeedRun(feed, run?.RunId, run?.Status.ToString(), run?.StartedAt, run?.FinishedAt, datasets);
                }
            }

            var manifest = new SnapshotManifest(SnapshotManifest.CurrentSchemaVersion, day, runId, folder, time.GetUtcNow(), files,
                feedRuns.Values.OrderBy(r => r.Feed, StringComparer.Ordinal).ToList());
            var manifestPath = folder + SnapshotStore.ManifestName;
            // Written last: a folder with a manifest is complete.
            await store.WriteJsonOnceAsync(manifestPath, manifest, cancellationToken).ConfigureAwait(false);
            var moved = await store.ReplaceLatestAsync(
                new SnapshotPointer(SnapshotManifest.CurrentSchemaVersion, day, runId, folder, manifestPath, manifest.GeneratedAt),
                cancellationToken).ConfigureAwait(false);
            progress?.Report(moved ? $"latest.json → {folder}" : "latest.json names a newer run; left as it is");
            var pruned = await pruner.PruneAsync(cancellationToken).ConfigureAwait(false);

            var outcome = new FeedRunOutcome(new RecordCounts(rows, rows, 0, 0, 0), files.Count, pruned.Count, SnapshotDatasets.All.Count, 0, []);
            await runs.SaveAsync(running with { Status = FeedRunStatus.Succeeded, FinishedAt = time.GetUtcNow(), Outcome = outcome }, CancellationToken.None).ConfigureAwait(false);
            logger.LogInformation("Snapshot {RunId} succeeded: {Files} files, {Rows} rows, pruned {Pruned} folders", runId, files.Count, rows, pruned.Count);
            return new SnapshotRun(manifest, pruned);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Snapshot {RunId} failed; latest.json still names the previous snapshot", runId);
            // Recorded even when cancelling, so the run does not stay "Running".
            await runs.SaveAsync(running with
            {
                Status = FeedRunStatus.Failed,
                FinishedAt = time.GetUtcNow(),
                Error = ex.Message,
                ErrorCategory = FeedErrors.Category(ex, ex is OperationCanceledException && cancellationToken.IsCancellationRequested),
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WriteParquetAsync(SnapshotSpool spool, Stream destination, CancellationToken cancellationToken)
    {
        // Parquet's writer seeks back over what it wrote; a temp file gives it that, then streams to the blob.
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), "feeds-parquet-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await using var tempDisposal = temp.ConfigureAwait(false);
        await SnapshotParquet.WriteAsync(spool, temp, cancellationToken).ConfigureAwait(false);
        temp.Position = 0;
        await temp.CopyToAsync(destination, 1 << 20, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SnapshotFile> WriteFileAsync(
        string folder, SnapshotDataset dataset, string format, string contentType, SnapshotSpool spool,
        Func<SnapshotSpool, Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = $"{folder}{dataset.Name}.{format}";
        var (bytes, sha256) = await store.WriteOnceAsync(path, contentType, (stream, ct) => write(spool, stream, ct), cancellationToken).ConfigureAwait(false);
        return new SnapshotFile(dataset.Name, format, path, spool.Rows, bytes, sha256, spool.Columns());
    }

    /// <summary>
    /// Reads the dataset while none of its feeds runs: waits (bounded) for running feeds, reads, then checks no feed
    /// run started meanwhile; if one did, the read is repeated.
    /// </summary>
    private async Task<(SnapshotSpool Spool, IReadOnlyDictionary<string, FeedRunRecord?> Runs)> ReadConsistentAsync(
        SnapshotDataset dataset, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = await WaitForQuietAsync(dataset, cancellationToken).ConfigureAwait(false);
            var spool = await SnapshotSpool.ReadAsync(tables.Get(dataset.Table), cancellationToken).ConfigureAwait(false);
            var after = await LatestRunsAsync(dataset, cancellationToken).ConfigureAwait(false);
            if (dataset.Feeds.All(f => before[f]?.RunId == after[f]?.RunId && after[f]?.Status == before[f]?.Status))
            {
                return (spool, after);
            }

            spool.Dispose();
            if (attempt >= timings.MaxReadAttempts)
            {
                throw new InvalidOperationException($"Dataset {dataset.Name} changed while it was read {attempt} times; no consistent read.");
            }

            logger.LogWarning("Snapshot read of {Dataset} overlapped a feed run; reading again", dataset.Name);
        }
    }

    private async Task<Dictionary<string, FeedRunRecord?>> WaitForQuietAsync(SnapshotDataset dataset, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timings.MaxWait;
        while (true)
        {
            var latest = await LatestRunsAsync(dataset, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var writing = latest.Values.Where(r => r is { Status: FeedRunStatus.Running } && now - r.StartedAt < timings.DeadAfter).ToList();
            if (writing.Count == 0)
            {
                return latest;
            }

            if (now >= deadline)
            {
                throw new TimeoutException(
                    $"Feed {writing[0]!.Feed} run {writing[0]!.RunId} was still writing {dataset.Name} after {timings.MaxWait.TotalMinutes:0.#} minutes.");
            }

            logger.LogInformation("Snapshot waits for feed {Feed} run {RunId} before reading {Dataset}", writing[0]!.Feed, writing[0]!.RunId, dataset.Name);
            await Task.Delay(timings.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, FeedRunRecord?>> LatestRunsAsync(SnapshotDataset dataset, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, FeedRunRecord?>(StringComparer.Ordinal);
        foreach (var feed in dataset.Feeds)
        {
            result[feed] = await runs.LatestAsync(feed, 1, cancellationToken).ConfigureAwait(false) is [var latest, ..] ? latest : null;
        }

        return result;
    }
}
