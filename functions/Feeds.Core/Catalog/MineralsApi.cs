namespace Feeds.Core.Catalog;

/// <summary><c>GET /api/minerals</c> and <c>GET /api/minerals/{id}</c>: the catalog as published, from <see cref="CatalogService"/>.</summary>
public sealed class MineralsApi(CatalogService catalog, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["lists", "counting"], async query =>
        {
            var listIds = query.UpperList("lists");
            var countingWord = query.OneOf("counting", "group", "element");
            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);

            var unknown = listIds.Where(id => data.Lists.All(l => l.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                throw ApiException.BadParameter("lists",
                    $"'lists' names unknown list(s) {string.Join(", ", unknown)}; known lists: {string.Join(", ", data.Lists.Select(l => l.Id))}.");
            }

            var counting = countingWord switch
            {
                "group" => ListCounting.Group,
                "element" => ListCounting.Element,
                _ => listIds.Count > 1 ? ListCounting.Group : ListCounting.Published,
            };

            var selected = MineralSelection.Select(data.Minerals, data.Lists, listIds, counting);
            var shownLists = listIds.Count > 0 ? listIds : [.. data.Lists.Select(l => l.Id)];

            var envelope = new Dictionary<string, object?>
            {
                ["lists"] = shownLists,
                ["counting"] = counting.ToString().ToLowerInvariant(),
                ["isSample"] = false,
            };
            var csv = new CsvTable<MineralListItem>(
                ["id", "name", "kind", "group", "members", .. shownLists, "is_sample"],
                i => [i.Id, i.Name, i.Kind, i.Group, CsvCells.List(i.Members),
                      .. shownLists.Select(l => CsvCells.List(i.Listed.FirstOrDefault(m => m.List == l)?.As ?? [])), CsvCells.Bool(i.IsSample)]);
            return ApiResponses.List(query, [.. selected.Select(ToItem)], envelope, csv, CachePolicies.Reference, "minerals");
        }, DataSets.CatalogOnly);

    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async query =>
        {
            var key = id.Trim().ToLowerInvariant();
            if (!Identifiers.MineralId().IsMatch(key))
            {
                throw ApiException.BadParameter("id", $"'{id}' is not a mineral id (lower-case English name such as lithium, ree, metallurgical-coal).");
            }

            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            var mineral = data.Mineral(key)
                ?? throw ApiException.NotFound("mineral", $"No mineral '{key}' in the catalog; GET /api/minerals lists them.");

            if (query.Format == ResponseFormat.Csv)
            {
                return ApiResponses.CsvRecord(
                    ["id", "name", "kind", "symbol", "group", "members", "lists", "hs_codes", "is_sample"],
                    [mineral.Id, mineral.Name, mineral.Kind, mineral.Symbol, mineral.Group, CsvCells.List(mineral.Members),
                     CsvCells.List(mineral.Designations.Select(d => $"{d.List}:{d.Name}")),
                     CsvCells.List(mineral.HsCodes.Select(h => h.Code).Distinct()), CsvCells.Bool(mineral.IsSample)],
                    CachePolicies.Reference);
            }

            return ApiResponses.Json(mineral, CachePolicies.Reference);
        }, DataSets.CatalogOnly);

    private static MineralListItem ToItem(SelectedMineral s) => new(
        s.Mineral.Id, s.Mineral.Name, s.Mineral.Kind, s.Mineral.Symbol, s.Mineral.Group, s.Mineral.Members, s.Listed, IsSample: false);
}
