namespace Feeds.Core.Catalog;

/// <summary>
/// The catalog feed: validates the reference-data files and seeds <c>Minerals</c> and <c>Countries</c>.
/// Idempotent (deterministic keys, replace-mode upserts), skips the write when the files' content hash equals the
/// checkpoint, and removes rows of entries that left the catalog.
/// </summary>
public sealed class CatalogFeed(
    CatalogService catalog,
    FeedTables tables,
    FeedCheckpointStore checkpoints,
    ILogger<CatalogFeed> logger) : IFeedRunner
{
    public const string FeedName = "catalog";
    public const string Slice = "files";

    /// <summary>Bumped when the stored shape changes, so unchanged files are still rewritten in the new shape.</summary>
    private const string EntitySchema = "e2";

    public string Name => FeedName;

    /// <summary>The catalog version a checkpoint hash records.</summary>
    public static string VersionOf(string hash) => hash.Split('-')[0];

    public TimeSpan MaxAge => TimeSpan.FromDays(2);

    public IReadOnlyList<string> RequestFields => [];

    public IEnumerable<(string Field, string Problem)> Check(FeedRunRequest request) => request.Unsupported(FeedName, RequestFields);

    /// <summary>One slice: the files are stored together. They are validated here already, so broken files fail the run at once.</summary>
    public Task<IReadOnlyList<FeedSlice>> PlanAsync(FeedRunRequest request, CancellationToken cancellationToken)
    {
        var version = catalog.Reload().Version;
        return Task.FromResult<IReadOnlyList<FeedSlice>>([new FeedSlice($"catalog {version}", Slice)]);
    }

    public Task<FeedRunOutcome> RunSliceAsync(FeedSlice slice, FeedRunContext context, CancellationToken cancellationToken) =>
        RunAsync(context, cancellationToken);

    public async Task<FeedRunOutcome> RunAsync(FeedRunContext context, CancellationToken cancellationToken)
    {
        var data = catalog.Reload();
        var entities = CatalogEntities.ToEntities(data);
        long read = entities.Values.Sum(e => e.Count);

        var hash = $"{data.Version}-{EntitySchema}";
        var stored = await checkpoints.GetHashAsync(FeedName, Slice, cancellationToken).ConfigureAwait(false);
        if (!context.Force && stored == hash)
        {
            logger.LogInformation("Catalog {Version} unchanged since the last run; nothing written", data.Version);
            catalog.Published(data.Version);
            context.Progress?.Report($"catalog {data.Version} unchanged ({read} entries)");
            return new FeedRunOutcome(new RecordCounts(read, 0, read, 0, 0), 0, 0, 0, 1, []);
        }

        long written = 0, deleted = 0;
        foreach (var (tableName, rows) in entities)
        {
            var table = tables.Get(tableName);
            written += await TableBatchWriter.UpsertReplaceAsync(table, rows, cancellationToken).ConfigureAwait(false);
            deleted += await DeleteStaleAsync(table, rows, cancellationToken).ConfigureAwait(false);
        }

        // The checkpoint advances only now that every row is stored.
        await checkpoints.SetHashAsync(FeedName, Slice, hash, context.RunId, cancellationToken).ConfigureAwait(false);
        catalog.Published(data.Version);
        logger.LogInformation("Catalog {Version} stored: {Written} entities written, {Deleted} removed", data.Version, written, deleted);
        context.Progress?.Report($"catalog {data.Version}: {written} entities written, {deleted} removed");
        return new FeedRunOutcome(new RecordCounts(read, read, 0, 0, 0), written, deleted, 1, 0, []);
    }

    /// <summary>Deletes rows in the catalog's partitions that the current files no longer define.</summary>
    private static Task<int> DeleteStaleAsync(TableClient table, IReadOnlyList<TableEntity> current, CancellationToken cancellationToken) =>
        TableBatchWriter.DeleteMissingAsync(
            table,
            current.Select(e => e.PartitionKey).Distinct(StringComparer.Ordinal).Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {p}")),
            current.Select(e => (e.PartitionKey, e.RowKey)).ToHashSet(),
            cancellationToken);
}
