namespace Feeds.Core.Catalog;

/// <summary>
/// A country: ISO 3166 alpha-3, Comtrade's numeric code (which differs from M49 for some, and is null where Comtrade
/// reports the territory inside another customs area), USGS spellings.
/// </summary>
public sealed record CountryDefinition(
    string Iso3,
    string Name,
    int? ComtradeCode,
    int? M49,
    IReadOnlyList<string> UsgsNames);
