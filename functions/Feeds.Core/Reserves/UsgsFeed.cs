using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// The usgs feed: each URL of <c>Feeds:Usgs:Urls</c> is a slice. A slice is fetched as a conditional request with the
/// validators of its checkpoint; a <c>304</c> (or identical bytes) counts the slice's records, as stored in the
/// checkpoint, as unchanged without reading them. Otherwise each file is parsed group by group (a commodity's rows):
/// a group's rejected records go to quarantine and its rows are queued; every few thousand rows the queue is upserted
/// in replace mode (reserves and salient tables at once; deterministic keys: a second run leaves the same rows), so
/// memory holds a bounded number of rows, never the file. Rows a file no longer holds are deleted, and only then does the checkpoint advance. A slice that fails is
/// reported and retried next run.
/// </summary>
public sealed class UsgsFeed(
    CatalogService catalog,
    UsgsManifest manifest,
    IOptions<UsgsOptions> options,
    UsgsSource source,
    FeedTables tables,
    FeedCheckpointStore checkpoints,
    QuarantineStore quarantine,
    ILogger<UsgsFeed> logger) : IFeedRunner
{
    public const string FeedName = "usgs";

    /// <summary>Bumped when parsing or the stored shape changes, so unchanged files are read and stored again.</summary>
    public const string ParserVersion = "p2";

    public string Name => FeedName;

    public TimeSpan MaxAge => TimeSpan.FromDays(14);

    public async Task<FeedRunOutcome> RunAsync(FeedRunContext context, CancellationToken cancellationToken)
    {
        var parser = new UsgsParser(catalog.Current);
        var run = FeedRunTally.For(context);
        var seen = new UsgsSeenKeys();
        foreach (var url in options.Value.UrlList(manifest))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunUrlAsync(url, parser, run, seen, context, cancellationToken).ConfigureAwait(false);
        }

        return run.ToOutcome();
    }

    public IReadOnlyList<string> RequestFields => [];

    public IEnumerable<(string Field, string Problem)> Check(FeedRunRequest request) => request.Unsupported(FeedName, RequestFields);

    /// <summary>One slice per file (URL), in the configured order.</summary>
    public Task<IReadOnlyList<FeedSlice>> PlanAsync(FeedRunRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeedSlice>>([.. options.Value.UrlList(manifest).Select(url => new FeedSlice(url, url))]);

    /// <summary>
    /// One file on its own. The duplicate rule then holds within the file: files of one edition that held the same key
    /// would each store it (none of the default files do).
    /// </summary>
    public async Task<FeedRunOutcome> RunSliceAsync(FeedSlice slice, FeedRunContext context, CancellationToken cancellationToken)
    {
        var run = FeedRunTally.For(context);
        await RunUrlAsync(slice.Payload, new UsgsParser(catalog.Current), run, new UsgsSeenKeys(), context, cancellationToken).ConfigureAwait(false);
        return run.ToOutcome();
    }

    private async Task RunUrlAsync(
        string url, UsgsParser parser, FeedRunTally run, UsgsSeenKeys seen,
        FeedRunContext context, CancellationToken cancellationToken)
    {
        try
        {
            await RunSliceAsync(url, parser, run, seen, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing of this slice was counted, and its checkpoint did not advance: it runs again next time.
            logger.LogError(ex, "USGS slice {Url} failed", url);
            run.Fail(url, ex.Message);
            context.Progress?.Report($"{FileName(url)}: failed: {ex.Message}");
        }
    }

    /// <summary>The checkpoint slice of a URL (URLs hold characters a key may not).</summary>
    public static string SliceKey(string url) => "url-" + UsgsParser.Sha256(Encoding.UTF8.GetBytes(url))[..32];

    private async Task RunSliceAsync(string url, UsgsParser parser, FeedRunTally run, UsgsSeenKeys seen, FeedRunContext context, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{url}' in {UsgsOptions.UrlsKey} is not an absolute http(s) URL.");
        }

        var slice = SliceKey(url);
        var checkpoint = context.Force ? null : await checkpoints.GetAsync(FeedName, slice, cancellationToken).ConfigureAwait(false);
        var fetch = await source.FetchAsync(uri, checkpoint?.ETag, checkpoint?.LastModified, cancellationToken).ConfigureAwait(false);
        await using var fetched = fetch.ConfigureAwait(false);
        if (fetch.NotModified)
        {
            var known = checkpoint ?? throw new InvalidOperationException($"{url} answered 304 to a request without validators.");
            Unchanged(run, context, url, known.Records, "304 not modified");
            return;
        }

        // A pinned default URL must serve exactly the pinned bytes: a changed or tampered mirror is never parsed.
        if (!fetch.Replayed && manifest.Find(uri) is { } pinned && !string.Equals(fetch.Hash, pinned.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"{url} served a file with SHA-256 {fetch.Hash}; data/usgs/manifest.json pins {pinned.Sha256}. The mirror changed or the download was altered: nothing of it was read.");
        }

        var hash = fetch.Hash + "-" + ParserVersion;
        if (checkpoint is not null && checkpoint.Hash == hash)
        {
            // New validators but the same bytes: nothing to store; keep the validators for the next conditional request.
            await checkpoints.SetAsync(FeedName, slice, checkpoint with { ETag = fetch.ETag, LastModified = fetch.LastModified }, context.RunId, cancellationToken).ConfigureAwait(false);
            Unchanged(run, context, url, checkpoint.Records, "same content");
            return;
        }

        var counts = RecordCounts.Zero;
        long written = 0, deleted = 0;
        var layouts = new SortedSet<string>(StringComparer.Ordinal);
        var outOfScope = new SortedSet<string>(StringComparer.Ordinal);
        var (files, archiveError) = UsgsArchive.Expand(fetch.FileName, fetch.Content);
        if (archiveError is not null)
        {
            counts = counts.Add(new RecordCounts(1, 0, 0, 0, 1));
            run.QuarantineSequence += await quarantine.AddAsync(FeedName, context.RunId, [new QuarantinedRecord(fetch.FileName, "file", archiveError, "")], run.QuarantineSequence, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, content) in files)
        {
            await using var contentDisposal = content.ConfigureAwait(false);
            var stored = new UsgsStoredKeys();
            var pending = new UsgsPendingWrites();
            // One write in flight while the next groups are parsed: parsing and storage overlap, memory stays bounded.
            var inFlight = Task.FromResult(0L);
            foreach (var batch in parser.ParseBatches(name, content))
            {
                cancellationToken.ThrowIfCancellationRequested();
                counts = counts.Add(await StoreAsync(batch, seen, pending, run, context, cancellationToken).ConfigureAwait(false));
                layouts.Add(batch.Layout);
                outOfScope.UnionWith(batch.OutOfScopeNames);
                if (pending.Count >= UsgsPendingWrites.FlushAt)
                {
                    written += await inFlight.ConfigureAwait(false);
                    inFlight = FlushAsync(pending, stored, cancellationToken);
                    pending = new UsgsPendingWrites();
                }
            }

            written += await inFlight.ConfigureAwait(false);
            written += await FlushAsync(pending, stored, cancellationToken).ConfigureAwait(false);
            deleted += await DeleteStaleAsync(name, stored, cancellationToken).ConfigureAwait(false);
        }

        // The checkpoint advances only now that every row of the slice is stored.
        await checkpoints.SetAsync(FeedName, slice, new FeedCheckpoint(hash, fetch.ETag, fetch.LastModified, counts.Read), context.RunId, cancellationToken).ConfigureAwait(false);

        run.Add(counts);
        run.EntitiesWritten += written;
        run.EntitiesDeleted += deleted;
        run.SlicesStored++;
        logger.LogInformation(
            "USGS {File} ({Layouts}): read {Read}, stored {Stored}, superseded {Superseded}, quarantined {Quarantined}, out of scope {OutOfScope}; {Deleted} stale rows removed",
            fetch.FileName, string.Join(", ", layouts), counts.Read, counts.Stored, counts.Superseded, counts.Quarantined, counts.OutOfScope, deleted);
        if (outOfScope.Count > 0)
        {
            logger.LogInformation("USGS {File}: out of scope (on no critical-mineral list): {Names}", fetch.FileName, string.Join("; ", outOfScope));
        }

        context.Progress?.Report($"{fetch.FileName}: read {counts.Read}, stored {counts.Stored}, superseded {counts.Superseded}, quarantined {counts.Quarantined}, out of scope {counts.OutOfScope}");
    }

    /// <summary>One group: duplicates resolved against the run, quarantine written, rows queued for writing.</summary>
    private async Task<RecordCounts> StoreAsync(
        UsgsBatch batch, UsgsSeenKeys seen, UsgsPendingWrites pending, FeedRunTally run, FeedRunContext context, CancellationToken cancellationToken)
    {
        var rejected = new List<QuarantinedRecord>(batch.Quarantined);
        long superseded = batch.Superseded;
        long kept = 0;
        foreach (var row in batch.Rows)
        {
            var entity = ReservesEntities.ToEntity(row, context.RunId);
            Keep(seen.Check(FeedTables.Reserves, entity.PartitionKey, entity.RowKey, $"{row.Qualifier}|{row.ValuePublished}|{row.ValueTons}", row.SourceFile, row.SourceLine),
                entity, new QuarantinedRecord(row.SourceFile, $"line {row.SourceLine}, column {row.Column}", "", ""), $"{row.Qualifier}|{row.ValuePublished}|{row.ValueTons}", pending.Reserves);
        }

        foreach (var row in batch.Salient)
        {
            var entity = SalientEntities.ToEntity(row, context.RunId);
            var value = $"{row.Qualifier}|{row.ValuePublished}|{row.Value}|{row.Rank}";
            Keep(seen.Check(FeedTables.Salient, entity.PartitionKey, entity.RowKey, value, row.SourceFile, row.SourceLine),
                entity, new QuarantinedRecord(row.SourceFile, $"line {row.SourceLine}, column {row.Column}", "", ""), value, pending.Salient);
        }

        if (rejected.Count > 0)
        {
            run.QuarantineSequence += await quarantine.AddAsync(FeedName, context.RunId, rejected, run.QuarantineSequence, cancellationToken).ConfigureAwait(false);
        }

        return new RecordCounts(batch.Read, kept, 0, superseded, rejected.Count, batch.OutOfScope);

        // The first row with a key in a run is kept. A later row with the same key and the same value is superseded (a
        // duplicate); one with a different value is quarantined as a conflict, since picking one would be a guess.
        void Keep(string? conflict, TableEntity entity, QuarantinedRecord record, string value, List<TableEntity> into)
        {
            switch (conflict)
            {
                case null:
                    into.Add(entity);
                    kept++;
                    break;
                case UsgsSeenKeys.Same:
                    superseded++;
                    break;
                default:
                    rejected.Add(record with { Reason = $"conflicts with {conflict}, which has the same key {entity.PartitionKey}/{entity.RowKey} and another value", Raw = value });
                    break;
            }
        }
    }

    /// <summary>Writes the queued rows of both tables at once (each table's partitions in parallel).</summary>
    private async Task<long> FlushAsync(UsgsPendingWrites pending, UsgsStoredKeys stored, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return 0;
        }

        var written = await Task.WhenAll(
            TableBatchWriter.UpsertReplaceAsync(tables.Get(FeedTables.Reserves), pending.Reserves, cancellationToken),
            TableBatchWriter.UpsertReplaceAsync(tables.Get(FeedTables.Salient), pending.Salient, cancellationToken)).ConfigureAwait(false);
        stored.Add(FeedTables.Reserves, pending.Reserves);
        stored.Add(FeedTables.Salient, pending.Salient);
        return written.Sum();
    }

    /// <summary>The file a URL names: what a reader of the progress needs (the full address is in the run record and logs).</summary>
    private static string FileName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments[^1]) : url;

    private static void Unchanged(FeedRunTally run, FeedRunContext context, string url, long records, string why)
    {
        run.Add(new RecordCounts(records, 0, records, 0, 0));
        run.SlicesUnchanged++;
        context.Progress?.Report($"{FileName(url)}: unchanged ({why}; {records} records)");
    }

    /// <summary>
    /// Deletes rows a file stored before that it no longer holds (same file name, same partitions, both tables); the
    /// partitions are checked a few at a time, each a single-partition query for keys only.
    /// </summary>
    private async Task<int> DeleteStaleAsync(string file, UsgsStoredKeys stored, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var checks = new[] { FeedTables.Reserves, FeedTables.Salient }.SelectMany(table => stored.Partitions(table).Select(partition => (table, partition))).ToList();
        await Parallel.ForEachAsync(checks, new ParallelOptions { MaxDegreeOfParallelism = TableBatchWriter.PartitionsInParallel, CancellationToken = cancellationToken }, async (check, ct) =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {check.partition} and SourceFile eq {file}");
            var count = await TableBatchWriter.DeleteMissingAsync(tables.Get(check.table), [filter], stored.Keys(check.table), ct).ConfigureAwait(false);
            Interlocked.Add(ref deleted, count);
        }).ConfigureAwait(false);
        return deleted;
    }
}
