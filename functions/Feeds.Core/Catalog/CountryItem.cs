namespace Feeds.Core.Catalog;

/// <summary>An item of <c>GET /api/countries</c>.</summary>
public sealed record CountryItem(
    string Iso3,
    string Name,
    int? ComtradeCode,
    int? M49,
    IReadOnlyList<string> UsgsNames,
    IReadOnlyList<string> Memberships,
    bool IsSample);
