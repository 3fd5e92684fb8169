using Feeds.Core.Catalog;

namespace Feeds.Core.Indicators;

/// <summary>
/// Recomputes the <c>Indicators</c> table from <c>TradeFlows</c>, <c>Reserves</c>, <c>Salient</c> and the catalog: after every
/// comtrade or usgs run that stored anything (as an <see cref="IFeedRunObserver"/>), and on demand (the local host's
/// <c>ingest indicators</c>). A recompute is a batch job, so it reads the source tables whole; rows it no longer
/// produces are deleted, so the table always equals a computation from the stored inputs.
/// </summary>
public sealed class IndicatorsService(FeedTables tables, CatalogService catalog, DataVersions versions, ILogger<IndicatorsService> logger) : IFeedRunObserver
{
    public const string Name = "indicators";

    private static readonly string[] Inputs = ["comtrade", "usgs"];

    public async Task OnRunFinishedAsync(FeedRunRecord run, CancellationToken cancellationToken)
    {
        if (Inputs.Contains(run.Feed, StringComparer.OrdinalIgnoreCase) && run.Status is FeedRunStatus.Succeeded or FeedRunStatus.PartiallyFailed)
        {
            await RecomputeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>The number of indicator rows stored.</returns>
    public async Task<int> RecomputeAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var data = catalog.Current;
        var trade = new List<TradeRow>();
        await foreach (var e in tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            trade.Add(TradeEntities.FromEntity(e));
        }

        var reserves = new List<ReservesRow>();
        await foreach (var e in tables.Get(FeedTables.Reserves).QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            reserves.Add(ReservesEntities.FromEntity(e));
        }

        var salient = new Dictionary<string, List<SalientRow>>(StringComparer.Ordinal);
        await foreach (var e in tables.Get(FeedTables.Salient).QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var row = SalientEntities.FromEntity(e);
            (salient.TryGetValue(row.MineralId, out var list) ? list : salient[row.MineralId] = []).Add(row);
        }

        var rows = IndicatorsBuilder.Build(data, trade, reserves, salient.ToDictionary(p => p.Key, p => (IReadOnlyList<SalientRow>)p.Value, StringComparer.Ordinal));
        var table = tables.Get(FeedTables.Indicators);
        var entities = rows.Select(IndicatorEntities.ToEntity).ToList();
        var keep = entities.Select(e => (e.PartitionKey, e.RowKey)).ToHashSet();
        var stale = new List<ITableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!keep.Contains((e.PartitionKey, e.RowKey)))
            {
                stale.Add(e);
            }
        }

        await TableBatchWriter.UpsertReplaceAsync(table, entities, cancellationToken).ConfigureAwait(false);
        await TableBatchWriter.DeleteAsync(table, stale, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Indicators recomputed: {Rows} rows stored, {Deleted} removed", entities.Count, stale.Count);
        // Cached indicator answers are evicted here at once, in other hosts at their next version check.
        await versions.PublishAsync(DataSets.Indicators, Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        return entities.Count;
    }
}
