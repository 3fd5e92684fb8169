namespace Feeds.Core.Snapshots;

/// <summary>
/// The one registry of exported datasets. A feed that adds a table adds one line here; columns and types are
/// discovered from the stored entities, so no other code changes per dataset. Feeds are named as in FeedRuns (a test
/// checks each is a registered feed), so the snapshot slice depends on no feed's code.
/// </summary>
public static class SnapshotDatasets
{
    public static IReadOnlyList<SnapshotDataset> All { get; } =
    [
        new(FeedTables.Minerals, "minerals", ["catalog"]),
        new(FeedTables.Countries, "countries", ["catalog"]),
        new(FeedTables.TradeFlows, "trade_flows", ["comtrade"]),
        new(FeedTables.Reserves, "reserves", ["usgs"]),
        new(FeedTables.Salient, "salient", ["usgs"]),
        // Recomputed after comtrade and usgs runs, while those runs are still recorded as Running.
        new(FeedTables.Indicators, "indicators", ["comtrade", "usgs"]),
    ];
}
