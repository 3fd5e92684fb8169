using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Storage;
using Feeds.Core.Reserves;

namespace Feeds.Core.Snapshots;

/// <summary>
/// The one registry of exported datasets. A feed that adds a table adds one line here; columns and types are
/// discovered from the stored entities, so no other code changes per dataset.
/// </summary>
public static class SnapshotDatasets
{
    public static IReadOnlyList<SnapshotDataset> All { get; } =
    [
        new(FeedTables.Minerals, "minerals", [CatalogFeed.FeedName]),
        new(FeedTables.Countries, "countries", [CatalogFeed.FeedName]),
        new(FeedTables.TradeFlows, "trade_flows", [ComtradeFeed.FeedName]),
        new(FeedTables.Reserves, "reserves", [UsgsFeed.FeedName]),
        // Recomputed after comtrade and usgs runs, while those runs are still recorded as Running.
        new(FeedTables.Indicators, "indicators", [ComtradeFeed.FeedName, UsgsFeed.FeedName]),
    ];
}
