using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// The usgs feed: each URL of <c>Feeds:Usgs:Urls</c> is a slice. A slice is fetched as a conditional request with the
/// validators of its checkpoint; a <c>304</c> (or identical bytes) counts the slice's records, as stored in the
/// checkpoint, as unchanged without reading them. Otherwise each file is parsed, rejected records go to quarantine,
/// rows are upserted in replace mode (deterministic keys: a second run leaves the same rows), rows a file no longer
/// holds are deleted, and only then does the checkpoint advance. A slice that fails is reported and retried next run.
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
    public const string ParserVersion = "p1";

    public string Name => FeedName;

    public TimeSpan MaxAge => TimeSpan.FromDays(14);

    public async Task<FeedRunOutcome> RunAsync(FeedRunContext context, CancellationToken cancellationToken)
    {
        var parser = new UsgsParser(catalog.Current, manifest.SampleHashes);
        var run = new FeedRunTally();
        // Keys stored in this run (across files), with the first value and where it came from: the duplicate rule.
        var seen = new Dictionary<(string Pk, string Rk), (string Value, string Where)>();
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
        await RunUrlAsync(slice.Payload, new UsgsParser(catalog.Current, manifest.SampleHashes), run, [], context, cancellationToken).ConfigureAwait(false);
        return run.ToOutcome();
    }

    private async Task RunUrlAsync(
        string url, UsgsParser parser, FeedRunTally run, Dictionary<(string Pk, string Rk), (string Value, string Where)> seen,
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
            run.Fail(url);
            context.Progress?.Report($"{url}: failed: {ex.Message}");
        }
    }

    /// <summary>The checkpoint slice of a URL (URLs hold characters a key may not).</summary>
    public static string SliceKey(string url) => "url-" + UsgsParser.Sha256(Encoding.UTF8.GetBytes(url))[..32];

    private async Task RunSliceAsync(
        string url, UsgsParser parser, FeedRunTally run, Dictionary<(string Pk, string Rk), (string Value, string Where)> seen,
        FeedRunContext context, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{url}' in {UsgsOptions.UrlsKey} is not an absolute http(s) URL.");
        }

        var slice = SliceKey(url);
        var checkpoint = context.Force ? null : await checkpoints.GetAsync(FeedName, slice, cancellationToken).ConfigureAwait(false);
        var fetch = await source.FetchAsync(uri, checkpoint?.ETag, checkpoint?.LastModified, cancellationToken).ConfigureAwait(false);
        if (fetch.NotModified)
        {
            var known = checkpoint ?? throw new InvalidOperationException($"{url} answered 304 to a request without validators.");
            Unchanged(run, context, url, known.Records, "304 not modified");
            return;
        }

        var hash = UsgsParser.Sha256(fetch.Content) + "-" + ParserVersion;
        if (checkpoint is not null && checkpoint.Hash == hash)
        {
            // New validators but the same bytes: nothing to store; keep the validators for the next conditional request.
            await checkpoints.SetAsync(FeedName, slice, checkpoint with { ETag = fetch.ETag, LastModified = fetch.LastModified }, context.RunId, cancellationToken).ConfigureAwait(false);
            Unchanged(run, context, url, checkpoint.Records, "same content");
            return;
        }

        var (files, archiveError) = UsgsArchive.Expand(fetch.FileName, fetch.Content);
        var results = files.Select(f => parser.Parse(f.Name, f.Bytes)).ToList();
        var rejected = results.SelectMany(r => r.Quarantined).ToList();
        long read = results.Sum(r => r.Read);
        if (archiveError is not null)
        {
            read++;
            rejected.Add(new QuarantinedRecord(fetch.FileName, "file", archiveError, ""));
        }

        var (rows, rowsSuperseded) = Deduplicate(seen, results.SelectMany(r => r.Rows), r => (r.MineralId, ReservesEntities.RowKey(r.Edition, r.Measure, r.Product, r.Year, r.Country.Key)),
            r => $"{r.Qualifier}|{r.ValuePublished}|{r.ValueTons}", r => $"{r.SourceFile} line {r.SourceLine}", r => new QuarantinedRecord(r.SourceFile, $"line {r.SourceLine}, column {r.Column}", "", ""), rejected);
        var (salient, salientSuperseded) = Deduplicate(seen, results.SelectMany(r => r.Salient), s => (ReservesEntities.SalientPartition(s.Edition), s.MineralId),
            s => string.Join('|', s.Published.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)), s => $"{s.SourceFile} line {s.SourceLine}", s => new QuarantinedRecord(s.SourceFile, $"line {s.SourceLine}", "", ""), rejected);

        run.QuarantineSequence += await quarantine.AddAsync(FeedName, context.RunId, rejected, run.QuarantineSequence, cancellationToken).ConfigureAwait(false);

        var table = tables.Get(FeedTables.Reserves);
        List<TableEntity> entities = [.. rows.Select(r => ReservesEntities.ToEntity(r, context.RunId)), .. salient.Select(s => ReservesEntities.ToEntity(s, context.RunId))];
        var written = await TableBatchWriter.UpsertReplaceAsync(table, entities, cancellationToken).ConfigureAwait(false);
        var deleted = await DeleteStaleAsync(table, results.Select(r => r.File), entities, cancellationToken).ConfigureAwait(false);

        // The checkpoint advances only now that every row of the slice is stored.
        await checkpoints.SetAsync(FeedName, slice, new FeedCheckpoint(hash, fetch.ETag, fetch.LastModified, read), context.RunId, cancellationToken).ConfigureAwait(false);

        var counts = new RecordCounts(read, rows.Count + salient.Count, 0, rowsSuperseded + salientSuperseded, rejected.Count);
        run.Add(counts);
        run.EntitiesWritten += written;
        run.EntitiesDeleted += deleted;
        run.SlicesStored++;
        logger.LogInformation(
            "USGS {File} ({Layouts}): read {Read}, stored {Stored}, superseded {Superseded}, quarantined {Quarantined}; {Deleted} stale rows removed",
            fetch.FileName, string.Join(", ", results.Select(r => r.Layout).Distinct()), counts.Read, counts.Stored, counts.Superseded, counts.Quarantined, deleted);
        context.Progress?.Report($"{fetch.FileName}: read {counts.Read}, stored {counts.Stored}, superseded {counts.Superseded}, quarantined {counts.Quarantined}");
    }

    private static void Unchanged(FeedRunTally run, FeedRunContext context, string url, long records, string why)
    {
        run.Add(new RecordCounts(records, 0, records, 0, 0));
        run.SlicesUnchanged++;
        context.Progress?.Report($"{url}: unchanged ({why}; {records} records)");
    }

    /// <summary>
    /// The first row with a key in a run is kept. A later row with the same key and the same value is superseded (a
    /// duplicate); one with a different value is quarantined as a conflict, since picking one would be a guess.
    /// </summary>
    private static (List<T> Kept, long Superseded) Deduplicate<T>(
        Dictionary<(string Pk, string Rk), (string Value, string Where)> seen,
        IEnumerable<T> items,
        Func<T, (string Pk, string Rk)> key,
        Func<T, string> value,
        Func<T, string> where,
        Func<T, QuarantinedRecord> record,
        List<QuarantinedRecord> rejected)
    {
        var kept = new List<T>();
        long superseded = 0;
        foreach (var item in items)
        {
            var k = key(item);
            if (!seen.TryGetValue(k, out var first))
            {
                seen[k] = (value(item), where(item));
                kept.Add(item);
            }
            else if (first.Value == value(item))
            {
                superseded++;
            }
            else
            {
                rejected.Add(record(item) with { Reason = $"conflicts with {first.Where}, which has the same key {k.Pk}/{k.Rk} and another value", Raw = value(item) });
            }
        }

        return (kept, superseded);
    }

    /// <summary>Deletes rows a file stored before that it no longer holds (same file name, same partitions).</summary>
    private static Task<int> DeleteStaleAsync(TableClient table, IEnumerable<string> files, List<TableEntity> current, CancellationToken cancellationToken)
    {
        var filters = files.Distinct(StringComparer.Ordinal).SelectMany(file => current
            .Where(e => e.GetString("SourceFile") == file).Select(e => e.PartitionKey).Distinct(StringComparer.Ordinal)
            .Select(partition => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and SourceFile eq {file}")));
        return TableBatchWriter.DeleteMissingAsync(table, filters, current.Select(e => (e.PartitionKey, e.RowKey)).ToHashSet(), cancellationToken);
    }
}
