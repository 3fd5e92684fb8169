namespace Feeds.Core.Catalog;

/// <summary>
/// A country: ISO 3166 alpha-3, Comtrade's numeric code (which differs from M49 for some, and is null where Comtrade
/// reports the territory inside another customs area), M49, USGS spellings and its memberships over time.
/// </summary>
public sealed record Country(
    string Iso3,
    string Name,
    int? ComtradeCode,
    int? M49,
    IReadOnlyList<string> UsgsNames,
    IReadOnlyList<CountryMembership> MembershipHistory)
{
    /// <summary>The groups the country belonged to on the day.</summary>
    public IReadOnlyList<string> MembershipsOn(DateOnly day) =>
        [.. MembershipHistory.Where(m => m.On(day)).Select(m => m.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Always false: the catalog is real reference data.</summary>
    public bool IsSample { get; }
}
