namespace Feeds.Core.Catalog;

/// <summary>The stored catalog as one read-only value, for validating query parameters without a round trip each.</summary>
public sealed record CatalogSnapshot(
    IReadOnlyDictionary<string, MineralRecord> Minerals,
    IReadOnlyDictionary<string, CountryRecord> Countries,
    IReadOnlyList<TradeArea> Areas,
    DateTimeOffset LoadedAt);
