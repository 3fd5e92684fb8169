namespace Feeds.Core.Catalog;

/// <summary>
/// <c>GET /api/countries[?membership=MSP][&amp;on=yyyy-MM-dd]</c>: the catalog's countries as published, from
/// <see cref="CatalogService"/>, with the memberships valid on <c>on</c> (default today); <c>membership</c> keeps the
/// group's members on that day.
/// </summary>
public sealed class CountriesApi(CatalogService catalog, TimeProvider time, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["membership", "on"], async query =>
        {
            var membership = query.Optional("membership")?.ToUpperInvariant();
            var on = query.Date("on") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            if (membership is not null && data.Memberships.All(g => g.Id != membership))
            {
                throw ApiException.BadParameter("membership",
                    $"'membership' must be one of {string.Join(", ", data.Memberships.Select(g => g.Id))}; got '{membership}'.");
            }

            var items = data.Countries
                .Select(c => CountryItem.On(c, on))
                .Where(c => membership is null || c.Memberships.Contains(membership))
                .OrderBy(c => c.Iso3, StringComparer.Ordinal)
                .ToList();

            var envelope = new Dictionary<string, object?>
            {
                ["membership"] = membership,
                ["on"] = on,
                ["groups"] = data.Memberships.Select(g => new
                {
                    g.Id, g.Name, g.AsOf, g.Source, g.Note, g.From, g.To, g.ToCitation, g.ToConfirmed, g.LegalTest,
                    Exists = g.ExistsOn(on),
                    Members = g.MembersOn(on).Count,
                }),
                ["isSample"] = false,
            };
            var csv = new CsvTable<CountryItem>(
                ["iso3", "name", "comtrade_code", "m49", "usgs_names", "memberships", "is_sample"],
                c => [c.Iso3, c.Name, CsvCells.Number(c.ComtradeCode), CsvCells.Number(c.M49),
                      CsvCells.List(c.UsgsNames), CsvCells.List(c.Memberships), CsvCells.Bool(c.IsSample)]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Reference, "countries");
        }, DataSets.CatalogOnly);
}
