namespace Feeds.Core.Catalog;

/// <summary>
/// The catalog as the catalog feed publishes it to Table Storage (partners and snapshots read it there; the API serves
/// the same data from <see cref="CatalogService"/>). <c>Minerals</c>: partition <c>minerals</c> (RowKey = mineral id) and
/// <c>lists</c> (RowKey = list id). <c>Countries</c>: partitions <c>countries</c> (ISO3), <c>areas</c>
/// (area key) and <c>groups</c> (membership group id). Nested facts are JSON columns: the catalog is small and
/// always read whole, one partition per query.
/// </summary>
public static class CatalogEntities
{
    public const string MineralsPartition = "minerals", ListsPartition = "lists";
    public const string CountriesPartition = "countries", AreasPartition = "areas", GroupsPartition = "groups";

    /// <summary>The entities that represent <paramref name="catalog"/>, by table.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TableEntity>> ToEntities(CatalogData catalog)
    {
        var minerals = new List<TableEntity>();
        foreach (var m in catalog.Minerals)
        {
            minerals.Add(new TableEntity(MineralsPartition, m.Id)
            {
                ["Name"] = m.Name,
                ["Kind"] = m.Kind,
                ["Symbol"] = m.Symbol,
                ["Group"] = m.Group,
                ["Members"] = JsonColumn.Write(m.Members),
                ["UsgsNames"] = JsonColumn.Write(m.UsgsNames),
                ["Designations"] = JsonColumn.Write(m.Designations),
                ["HsCodes"] = JsonColumn.Write(m.HsCodes),
                ["CatalogVersion"] = catalog.Version,
                ["IsSample"] = false,
            });
        }

        foreach (var l in catalog.Lists)
        {
            minerals.Add(new TableEntity(ListsPartition, l.Id)
            {
                ["Country"] = l.Country,
                ["Title"] = l.Title,
                ["Publisher"] = l.Publisher,
                ["Published"] = l.Published,
                ["Source"] = l.Source,
                ["EntryCount"] = l.Entries.Count,
                ["Entries"] = JsonColumn.Write(l.Entries),
                ["CatalogVersion"] = catalog.Version,
            });
        }

        var countries = new List<TableEntity>();
        foreach (var c in catalog.Countries)
        {
            countries.Add(new TableEntity(CountriesPartition, c.Iso3)
            {
                ["Name"] = c.Name,
                ["ComtradeCode"] = c.ComtradeCode,
                ["M49"] = c.M49,
                ["UsgsNames"] = JsonColumn.Write(c.UsgsNames),
                // Every group it ever belonged to (as before), and when (MembershipHistory).
                ["Memberships"] = JsonColumn.Write(c.MembershipHistory.Select(m => m.Group).Distinct().Order(StringComparer.Ordinal)),
                ["MembershipHistory"] = JsonColumn.Write(c.MembershipHistory),
                ["CatalogVersion"] = catalog.Version,
                ["IsSample"] = false,
            });
        }

        foreach (var a in catalog.Areas)
        {
            countries.Add(new TableEntity(AreasPartition, a.Key)
            {
                ["ComtradeCode"] = a.ComtradeCode,
                ["Name"] = a.Name,
                ["Note"] = a.Note,
                ["CatalogVersion"] = catalog.Version,
            });
        }

        foreach (var g in catalog.Memberships)
        {
            countries.Add(new TableEntity(GroupsPartition, g.Id)
            {
                ["Name"] = g.Name,
                ["AsOf"] = g.AsOf,
                ["Source"] = g.Source,
                ["Note"] = g.Note,
                ["From"] = g.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["To"] = g.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["LegalTest"] = g.LegalTest is null ? null : JsonColumn.Write(g.LegalTest),
                ["Members"] = JsonColumn.Write(g.Members),
                ["CatalogVersion"] = catalog.Version,
            });
        }

        return new Dictionary<string, IReadOnlyList<TableEntity>>
        {
            [FeedTables.Minerals] = minerals,
            [FeedTables.Countries] = countries,
        };
    }
}
