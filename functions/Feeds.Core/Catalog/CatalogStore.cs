using System.Text.Json;
using Azure.Data.Tables;
using Feeds.Core.Storage;

namespace Feeds.Core.Catalog;

/// <summary>
/// The catalog in Table Storage. <c>Minerals</c>: partition <c>minerals</c> (RowKey = mineral id) and
/// <c>lists</c> (RowKey = list id). <c>Countries</c>: partitions <c>countries</c> (ISO3), <c>areas</c>
/// (area key) and <c>groups</c> (membership group id). Nested facts are JSON columns: the catalog is small and
/// always read whole, one partition per query.
/// </summary>
public sealed class CatalogStore(FeedTables tables)
{
    public const string MineralsPartition = "minerals";
    public const string ListsPartition = "lists";
    public const string CountriesPartition = "countries";
    public const string AreasPartition = "areas";
    public const string GroupsPartition = "groups";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The entities that represent <paramref name="catalog"/>, by table.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TableEntity>> ToEntities(CatalogData catalog)
    {
        var minerals = new List<TableEntity>();
        foreach (var m in catalog.Minerals.Select(m => MineralRecord.From(catalog, m)))
        {
            minerals.Add(new TableEntity(MineralsPartition, m.Id)
            {
                ["Name"] = m.Name,
                ["Kind"] = m.Kind,
                ["Symbol"] = m.Symbol,
                ["Group"] = m.Group,
                ["Members"] = ToJson(m.Members),
                ["UsgsNames"] = ToJson(m.UsgsNames),
                ["Designations"] = ToJson(m.Designations),
                ["HsCodes"] = ToJson(m.HsCodes),
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
                ["Entries"] = ToJson(l.Entries),
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
                ["UsgsNames"] = ToJson(c.UsgsNames),
                ["Memberships"] = ToJson(catalog.MembershipsOf(c.Iso3)),
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
                ["Members"] = ToJson(g.Members),
                ["CatalogVersion"] = catalog.Version,
            });
        }

        return new Dictionary<string, IReadOnlyList<TableEntity>>
        {
            [FeedTables.Minerals] = minerals,
            [FeedTables.Countries] = countries,
        };
    }

    public async Task<IReadOnlyList<MineralRecord>> ReadMineralsAsync(CancellationToken cancellationToken)
    {
        var result = new List<MineralRecord>();
        await foreach (var e in Partition(FeedTables.Minerals, MineralsPartition, cancellationToken).ConfigureAwait(false))
        {
            result.Add(ToMineral(e));
        }

        return result;
    }

    public async Task<MineralRecord?> ReadMineralAsync(string id, CancellationToken cancellationToken)
    {
        // Point read by key; the id was validated against the mineral-id pattern by the caller.
        var response = await tables.Get(FeedTables.Minerals)
            .GetEntityIfExistsAsync<TableEntity>(MineralsPartition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }

        return ToMineral(e);
    }

    /// <summary>The Comtrade partner areas without ISO3 (World, "Other Asia, nes", …).</summary>
    public async Task<IReadOnlyList<TradeArea>> ReadAreasAsync(CancellationToken cancellationToken)
    {
        var result = new List<TradeArea>();
        await foreach (var e in Partition(FeedTables.Countries, AreasPartition, cancellationToken).ConfigureAwait(false))
        {
            result.Add(new TradeArea(e.GetInt32("ComtradeCode") ?? -1, e.RowKey, e.GetString("Name") ?? e.RowKey, e.GetString("Note")));
        }

        return result;
    }

    public async Task<IReadOnlyList<CriticalMineralList>> ReadListsAsync(CancellationToken cancellationToken)
    {
        var result = new List<CriticalMineralList>();
        await foreach (var e in Partition(FeedTables.Minerals, ListsPartition, cancellationToken).ConfigureAwait(false))
        {
            result.Add(new CriticalMineralList(
                e.RowKey, e.GetString("Country") ?? "", e.GetString("Title") ?? "", e.GetString("Publisher") ?? "",
                e.GetString("Published") ?? "", e.GetString("Source") ?? "", FromJson<List<ListEntry>>(e, "Entries")));
        }

        return result;
    }

    public async Task<IReadOnlyList<CountryRecord>> ReadCountriesAsync(CancellationToken cancellationToken)
    {
        var result = new List<CountryRecord>();
        await foreach (var e in Partition(FeedTables.Countries, CountriesPartition, cancellationToken).ConfigureAwait(false))
        {
            result.Add(ToCountry(e));
        }

        return result;
    }

    public async Task<IReadOnlyList<MembershipGroup>> ReadGroupsAsync(CancellationToken cancellationToken)
    {
        var result = new List<MembershipGroup>();
        await foreach (var e in Partition(FeedTables.Countries, GroupsPartition, cancellationToken).ConfigureAwait(false))
        {
            result.Add(new MembershipGroup(
                e.RowKey, e.GetString("Name") ?? e.RowKey, e.GetString("AsOf") ?? "", e.GetString("Source") ?? "",
                e.GetString("Note"), FromJson<List<GroupMember>>(e, "Members")));
        }

        return result;
    }

    private static CountryRecord ToCountry(TableEntity e) => new(
        e.RowKey, e.GetString("Name") ?? e.RowKey, e.GetInt32("ComtradeCode"), e.GetInt32("M49"),
        FromJson<List<string>>(e, "UsgsNames"), FromJson<List<string>>(e, "Memberships"));

    private static MineralRecord ToMineral(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name") ?? e.RowKey,
        e.GetString("Kind") ?? MineralDefinition.ElementKind,
        e.GetString("Symbol"),
        e.GetString("Group"),
        FromJson<List<string>>(e, "Members"),
        FromJson<List<string>>(e, "UsgsNames"),
        FromJson<List<Designation>>(e, "Designations"),
        FromJson<List<MineralHsCode>>(e, "HsCodes"));

    private IAsyncEnumerable<TableEntity> Partition(string table, string partition, CancellationToken cancellationToken) =>
        tables.Get(table).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1000, cancellationToken: cancellationToken);

    private static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T FromJson<T>(TableEntity entity, string column)
        where T : new() =>
        entity.GetString(column) is { Length: > 0 } text ? JsonSerializer.Deserialize<T>(text, Json) ?? new T() : new T();
}
