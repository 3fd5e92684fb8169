using System.Text.RegularExpressions;
using Feeds.Core.Catalog;
using Microsoft.AspNetCore.Http;
using Feeds.Core.Http;

namespace Feeds.Core.Catalog;

/// <summary><c>GET /api/minerals</c> and <c>GET /api/minerals/{id}</c>, read from the <c>Minerals</c> table.</summary>
public sealed partial class MineralsApi(CatalogStore store, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "lists", "counting");
            var listIds = query.UpperList("lists");
            var countingWord = query.OneOf("counting", "group", "element");
            query.Format();
            query.Limit();

            var lists = await store.ReadListsAsync(cancellationToken).ConfigureAwait(false);
            if (lists.Count == 0)
            {
                throw CatalogNotLoaded();
            }

            var unknown = listIds.Where(id => lists.All(l => l.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                throw ApiException.BadParameter("lists",
                    $"'lists' names unknown list(s) {string.Join(", ", unknown)}; known lists: {string.Join(", ", lists.Select(l => l.Id))}.");
            }

            var counting = countingWord switch
            {
                "group" => ListCounting.Group,
                "element" => ListCounting.Element,
                _ => listIds.Count > 1 ? ListCounting.Group : ListCounting.Published,
            };

            var minerals = await store.ReadMineralsAsync(cancellationToken).ConfigureAwait(false);
            var selected = MineralSelection.Select(minerals, lists, listIds, counting);
            var shownLists = listIds.Count > 0 ? listIds : [.. lists.Select(l => l.Id)];

            var envelope = new Dictionary<string, object?>
            {
                ["lists"] = shownLists,
                ["counting"] = counting.ToString().ToLowerInvariant(),
                ["isSample"] = false,
            };
            var csv = new CsvTable<MineralListItem>(
                ["id", "name", "kind", "group", "members", .. shownLists, "is_sample"],
                i => [i.Id, i.Name, i.Kind, i.Group, string.Join(';', i.Members),
                      .. shownLists.Select(l => string.Join(';', i.Listed.FirstOrDefault(m => m.List == l)?.As ?? [])), "false"]);
            return ApiResponses.List(query, [.. selected.Select(ToItem)], envelope, csv, CachePolicies.Reference, "minerals");
        });

    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request);
            var format = query.Format();
            var key = id.Trim().ToLowerInvariant();
            if (!MineralId().IsMatch(key))
            {
                throw ApiException.BadParameter("id", $"'{id}' is not a mineral id (lower-case English name such as lithium, ree, metallurgical-coal).");
            }

            var mineral = await store.ReadMineralAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw ApiException.NotFound("mineral", $"No mineral '{key}' in the catalog; GET /api/minerals lists them.");

            var detail = new MineralDetail(
                mineral.Id, mineral.Name, mineral.Kind, mineral.Symbol, mineral.Group, mineral.Members,
                mineral.Designations, mineral.HsCodes, mineral.UsgsNames, IsSample: false);
            if (format == ResponseFormat.Csv)
            {
                var bytes = ApiResponses.RenderCsv(
                    ["id", "name", "kind", "symbol", "group", "members", "lists", "hs_codes", "is_sample"],
                    [[detail.Id, detail.Name, detail.Kind, detail.Symbol, detail.Group, string.Join(';', detail.Members),
                      string.Join(';', detail.Designations.Select(d => $"{d.List}:{d.Name}")),
                      string.Join(';', detail.HsCodes.Select(h => h.Code).Distinct()), "false"]]);
                return new ApiResult(StatusCodes.Status200OK, ApiResponses.CsvContentType, bytes)
                {
                    ETag = ApiResponses.ETagOf(bytes),
                    CacheControl = CachePolicies.Reference,
                };
            }

            return ApiResponses.Json(detail, CachePolicies.Reference);
        });

    private static MineralListItem ToItem(SelectedMineral s) => new(
        s.Mineral.Id, s.Mineral.Name, s.Mineral.Kind, s.Mineral.Symbol, s.Mineral.Group, s.Mineral.Members, s.Listed, IsSample: false);

    private static ApiException CatalogNotLoaded() =>
        new(StatusCodes.Status503ServiceUnavailable, "catalog-not-loaded", "Catalog not loaded",
            "The catalog feed has not stored the catalog yet; run it (ingest catalog) or wait for its timer.");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex MineralId();
}
