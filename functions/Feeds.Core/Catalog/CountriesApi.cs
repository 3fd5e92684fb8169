using Feeds.Core.Http;

namespace Feeds.Core.Catalog;

/// <summary><c>GET /api/countries[?membership=MSP]</c>: the catalog's countries as published, from <see cref="CatalogService"/>.</summary>
public sealed class CountriesApi(CatalogService catalog, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["membership"], async query =>
        {
            var membership = query.Optional("membership")?.ToUpperInvariant();
            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            if (membership is not null && data.Memberships.All(g => g.Id != membership))
            {
                throw ApiException.BadParameter("membership",
                    $"'membership' must be one of {string.Join(", ", data.Memberships.Select(g => g.Id))}; got '{membership}'.");
            }

            var items = data.Countries
                .Where(c => membership is null || c.Memberships.Contains(membership))
                .OrderBy(c => c.Iso3, StringComparer.Ordinal)
                .ToList();

            var envelope = new Dictionary<string, object?>
            {
                ["membership"] = membership,
                ["groups"] = data.Memberships.Select(g => new { g.Id, g.Name, g.AsOf, g.Source, g.Note, Members = g.Members.Count }),
                ["isSample"] = false,
            };
            var csv = new CsvTable<Country>(
                ["iso3", "name", "comtrade_code", "m49", "usgs_names", "memberships", "is_sample"],
                c => [c.Iso3, c.Name, CsvCells.Number(c.ComtradeCode), CsvCells.Number(c.M49),
                      CsvCells.List(c.UsgsNames), CsvCells.List(c.Memberships), CsvCells.Bool(c.IsSample)]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Reference, "countries");
        });
}
