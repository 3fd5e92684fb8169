namespace Feeds.Core.Catalog;

/// <summary>A country as stored in the <c>Countries</c> table and served by the API.</summary>
public sealed record CountryRecord(
    string Iso3,
    string Name,
    int? ComtradeCode,
    int? M49,
    IReadOnlyList<string> UsgsNames,
    IReadOnlyList<string> Memberships);
