namespace Feeds.Core.Storage;

/// <summary>
/// A USGS country cell resolved through the catalog: the key stored (ISO3, or <c>WORLD</c> / <c>OTHERS</c> for the
/// aggregate rows), the ISO3 (null for aggregates), the catalog name, and whether the cell carried the estimate mark.
/// </summary>
public sealed record UsgsCountry(string Key, string? Iso3, string Name, bool IsAggregate, bool EstimateMark)
{
    public const string WorldKey = "WORLD";
    public const string OthersKey = "OTHERS";

    /// <summary>True for the keys of the aggregate rows (World total, Other countries).</summary>
    public static bool IsAggregateKey(string key) => key is WorldKey or OthersKey;
}
