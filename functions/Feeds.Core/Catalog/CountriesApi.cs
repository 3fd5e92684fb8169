using Feeds.Core.Catalog;
using Microsoft.AspNetCore.Http;
using Feeds.Core.Http;

namespace Feeds.Core.Catalog;

/// <summary><c>GET /api/countries[?membership=MSP]</c>, read from the <c>Countries</c> table.</summary>
public sealed class CountriesApi(CatalogStore store, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "membership");
            var membership = query.Optional("membership")?.ToUpperInvariant();
            query.Format();
            query.Limit();

            var groups = await store.ReadGroupsAsync(cancellationToken).ConfigureAwait(false);
            if (membership is not null && groups.All(g => g.Id != membership))
            {
                throw ApiException.BadParameter("membership",
                    $"'membership' must be one of {string.Join(", ", groups.Select(g => g.Id))}; got '{membership}'.");
            }

            var countries = await store.ReadCountriesAsync(cancellationToken).ConfigureAwait(false);
            var items = countries
                .Where(c => membership is null || c.Memberships.Contains(membership))
                .OrderBy(c => c.Iso3, StringComparer.Ordinal)
                .Select(c => new CountryItem(c.Iso3, c.Name, c.ComtradeCode, c.M49, c.UsgsNames, c.Memberships, IsSample: false))
                .ToList();

            var envelope = new Dictionary<string, object?>
            {
                ["membership"] = membership,
                ["groups"] = groups.Select(g => new { g.Id, g.Name, g.AsOf, g.Source, g.Note, Members = g.Members.Count }),
                ["isSample"] = false,
            };
            var csv = new CsvTable<CountryItem>(
                ["iso3", "name", "comtrade_code", "m49", "usgs_names", "memberships", "is_sample"],
                c => [c.Iso3, c.Name, c.ComtradeCode is { } code ? Invariant(code) : null, c.M49 is { } m ? Invariant(m) : null,
                      string.Join(';', c.UsgsNames), string.Join(';', c.Memberships), "false"]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Reference, "countries");
        });

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
