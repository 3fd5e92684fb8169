namespace Feeds.Core.Catalog;

/// <summary>The validated catalog: minerals, lists, HS codes, countries, areas and memberships.</summary>
public sealed record CatalogData(
    IReadOnlyList<MineralDefinition> Minerals,
    IReadOnlyList<CriticalMineralList> Lists,
    IReadOnlyList<HsCodeDefinition> HsCodes,
    IReadOnlyList<CountryDefinition> Countries,
    IReadOnlyList<TradeArea> Areas,
    IReadOnlyList<MembershipGroup> Memberships,
    string Version)
{
    /// <summary>USGS rows that are not countries ("World total", "World total (rounded)", "Other countries").</summary>
    public IReadOnlyList<string> UsgsAggregates { get; init; } = [];

    /// <summary>HS codes that name the mineral (directly, not through its group).</summary>
    public IEnumerable<HsCodeDefinition> HsCodesOf(string mineralId) =>
        HsCodes.Where(h => h.Minerals.Contains(mineralId, StringComparer.Ordinal));

    /// <summary>The membership group ids a country belongs to, in catalog order.</summary>
    public IReadOnlyList<string> MembershipsOf(string iso3) =>
        [.. Memberships.Where(g => g.Members.Any(m => m.Iso3 == iso3)).Select(g => g.Id)];
}
