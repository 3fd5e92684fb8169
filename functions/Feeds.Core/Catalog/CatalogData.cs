namespace Feeds.Core.Catalog;

/// <summary>
/// The validated catalog — minerals, lists, HS codes, countries, areas and memberships — indexed for the lookups every
/// feed and route makes. Immutable; <see cref="Version"/> is a content hash of the data files.
/// </summary>
public sealed class CatalogData
{
    private readonly Dictionary<string, Mineral> _minerals;
    private readonly Dictionary<string, Country> _countries;
    private readonly Dictionary<int, (string Key, string Name)> _partners = [];

    public CatalogData(
        IReadOnlyList<Mineral> minerals,
        IReadOnlyList<CriticalMineralList> lists,
        IReadOnlyList<HsCodeDefinition> hsCodes,
        IReadOnlyList<Country> countries,
        IReadOnlyList<TradeArea> areas,
        IReadOnlyList<MembershipGroup> memberships,
        IReadOnlyList<string> usgsAggregates,
        string version)
    {
        Minerals = minerals;
        Lists = lists;
        HsCodes = hsCodes;
        Countries = countries;
        Areas = areas;
        Memberships = memberships;
        UsgsAggregates = usgsAggregates;
        Version = version;
        _minerals = minerals.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _countries = countries.ToDictionary(c => c.Iso3, StringComparer.Ordinal);
        foreach (var country in countries.Where(c => c.ComtradeCode is not null))
        {
            _partners[country.ComtradeCode!.Value] = (country.Iso3, country.Name);
        }

        foreach (var area in areas)
        {
            _partners[area.ComtradeCode] = (area.Key, area.Name);
        }
    }

    public IReadOnlyList<Mineral> Minerals { get; }
    public IReadOnlyList<CriticalMineralList> Lists { get; }
    public IReadOnlyList<HsCodeDefinition> HsCodes { get; }
    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<TradeArea> Areas { get; }
    public IReadOnlyList<MembershipGroup> Memberships { get; }

    /// <summary>USGS rows that are not countries ("World total", "World total (rounded)", "Other countries").</summary>
    public IReadOnlyList<string> UsgsAggregates { get; }

    public string Version { get; }

    public Mineral? Mineral(string id) => _minerals.GetValueOrDefault(id);

    public Country? Country(string iso3) => _countries.GetValueOrDefault(iso3);

    /// <summary>A Comtrade partner code as the catalog knows it: a country's ISO3 and name, or an area key and name.</summary>
    public (string Key, string Name)? Partner(int comtradeCode) =>
        _partners.TryGetValue(comtradeCode, out var partner) ? partner : null;

    public MembershipGroup? Group(string groupId) => Memberships.FirstOrDefault(g => g.Id == groupId);

    /// <summary>The ISO3 codes of a group's members on the day (empty for an unknown group).</summary>
    public IReadOnlySet<string> MembersOn(string groupId, DateOnly day) => Group(groupId)?.MembersOn(day) ?? new HashSet<string>();

    /// <summary>
    /// A Comtrade partner as a route names it: an ISO3 with a Comtrade code (<c>CHN</c>), an area key (<c>W00</c>,
    /// <c>X490</c>) or the code itself (<c>156</c>); null when the catalog knows no such partner.
    /// </summary>
    public int? PartnerCode(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 999)
        {
            return code;
        }

        return Country(text)?.ComtradeCode ?? Areas.FirstOrDefault(a => a.Key == text)?.ComtradeCode;
    }
}
