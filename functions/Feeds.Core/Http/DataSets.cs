namespace Feeds.Core.Http;

/// <summary>
/// The datasets a cached response can depend on: the feeds that write tables (their names) and the indicators derived
/// from them. Each has a version (<see cref="DataVersions"/>); a cached entry is tagged with the datasets it read.
/// </summary>
public static class DataSets
{
    public const string Catalog = "catalog", Comtrade = "comtrade", Usgs = "usgs", Indicators = "indicators";

    public static IReadOnlyList<string> All { get; } = [Catalog, Comtrade, Usgs, Indicators];

    /// <summary>Routes answered from the catalog (and settings) alone.</summary>
    public static IReadOnlyList<string> CatalogOnly { get; } = [Catalog];

    public static IReadOnlyList<string> Trade { get; } = [Catalog, Comtrade];

    public static IReadOnlyList<string> Reserves { get; } = [Catalog, Usgs];

    /// <summary>Indicators and sourcing read the indicators, the trade and the USGS tables.</summary>
    public static IReadOnlyList<string> Derived { get; } = [Catalog, Comtrade, Usgs, Indicators];
}
