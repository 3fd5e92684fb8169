using Feeds.Core.Analysis;
using Feeds.Core.Catalog;
using Feeds.Core.Http;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// <c>GET /api/reserves?mineral=&amp;edition=&amp;country=&amp;measure=</c>: a mineral's world reserves, production and
/// capacity by country from the USGS Mineral Commodity Summaries, with each country's share of the World total and its
/// rank, the World total and "Other countries" rows, and what the World total excludes. The latest edition unless
/// <c>edition</c> is given. One single-partition query (PartitionKey = mineral) and, for the US salient statistics,
/// one point read.
/// </summary>
public sealed class ReservesApi(CatalogService catalog, ReservesStore store, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral", "edition", "country", "measure"], async query =>
        {
            var mineralId = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");
            var edition = query.Edition("edition");
            var country = query.Iso3("country", UsgsCountry.WorldKey, UsgsCountry.OthersKey);
            var measure = query.OneOf("measure", [.. UsgsMeasure.All]);

            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            var mineral = data.Mineral(mineralId)
                ?? throw ApiException.NotFound("mineral", $"No mineral '{mineralId}' in the catalog; GET /api/minerals lists them.");

            if (country is not null && !UsgsCountry.IsAggregateKey(country) && data.Country(country) is null)
            {
                throw ApiException.BadParameter("country", $"'{country}' is not a country of the catalog; GET /api/countries lists them.");
            }

            var rows = await store.ReadAsync(mineral.Id, edition, measure, cancellationToken).ConfigureAwait(false);
            var editions = rows.Select(r => r.Edition).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
            var chosen = edition ?? editions.FirstOrDefault();
            var selected = rows.Where(r => r.Edition == chosen && (measure is null || r.Measure == measure)).ToList();

            var (items, totals) = Rank(selected);
            var shown = items.Where(i => country is null || i.CountryKey == country).ToList();
            var salient = chosen is null ? null : ReservesEntities.ToSalient(await store.ReadSalientAsync(chosen, mineral.Id, cancellationToken).ConfigureAwait(false));

            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineral.Id,
                ["mineralName"] = mineral.Name,
                ["edition"] = chosen,
                ["editions"] = edition is null ? editions : null,
                ["measure"] = measure,
                ["country"] = country,
                ["unit"] = "t",
                ["totals"] = totals,
                ["usSalient"] = salient,
                ["isSample"] = shown.Any(i => i.IsSample),
                ["source"] = "USGS Mineral Commodity Summaries data releases (public domain); shares are over the published World total where it is a number, otherwise over the sum of the rows (shareBasis says which).",
            };
            var csv = new CsvTable<ReservesItem>(
                ["edition", "measure", "product", "year", "country_key", "iso3", "country", "country_published", "is_aggregate", "value_t",
                 "qualifier", "estimated", "value_published", "unit_published", "unit_correction", "basis", "share_of_world", "rank",
                 "share_basis", "world_total_excludes", "notes", "value_from_notes", "source_file", "is_sample"],
                i => [i.Edition, i.Measure, i.Product, CsvCells.Number(i.Year), i.CountryKey, i.Iso3, i.Country, i.CountryPublished, CsvCells.Bool(i.IsAggregate),
                      CsvCells.Number(i.ValueTons), i.Qualifier, CsvCells.Bool(i.Estimated), i.ValuePublished, i.UnitPublished, i.UnitCorrection, i.Basis,
                      CsvCells.Number(i.ShareOfWorld), CsvCells.Number(i.Rank), i.ShareBasis, i.WorldTotalExcludes, i.Notes,
                      CsvCells.Bool(i.ValueFromNotes), i.SourceFile, CsvCells.Bool(i.IsSample)]);
            return ApiResponses.List(query, shown, envelope, csv, CachePolicies.Data, "reserves");
        });

    /// <summary>
    /// Shares and ranks per (measure, product, year): the share is the row's tons over the World total's tons (a
    /// World total given as a bound is used, and said so), or over the sum of the rows when the World total has no
    /// number; ranks go to named countries with an exact or estimated value, largest first, ties sharing a rank.
    /// </summary>
    public static (List<ReservesItem> Items, List<ReservesTotal> Totals) Rank(IReadOnlyList<ReservesRow> rows)
    {
        var items = new List<ReservesItem>();
        var totals = new List<ReservesTotal>();
        var groups = rows.GroupBy(r => (r.Measure, r.Product, r.Year))
            .OrderBy(g => IndexOf(g.Key.Measure)).ThenBy(g => g.Key.Product, StringComparer.Ordinal).ThenByDescending(g => g.Key.Year);
        foreach (var group in groups)
        {
            var world = group.FirstOrDefault(r => r.Country.Key == UsgsCountry.WorldKey);
            var (denominator, basis) = ReservesShares.Denominator(group);

            var ranked = group.Where(r => !r.Country.IsAggregate && r.ValueTons is not null && UsgsQualifier.IsValue(r.Qualifier))
                .OrderByDescending(r => r.ValueTons).ToList();
            var ranks = ranked.ToDictionary(r => r.Country.Key, r => 1 + ranked.Count(o => o.ValueTons > r.ValueTons), StringComparer.Ordinal);
            var excludes = world?.WorldTotalExcludes;
            totals.Add(new ReservesTotal(group.Key.Measure, group.Key.Product, group.Key.Year, world?.ValueTons, world?.Qualifier, basis, excludes,
                group.Count(r => !r.Country.IsAggregate)));

            var ordered = group.OrderBy(r => r.Country.Key == UsgsCountry.WorldKey ? 3 : r.Country.Key == UsgsCountry.OthersKey ? 2 : ranks.ContainsKey(r.Country.Key) ? 0 : 1)
                .ThenBy(r => ranks.GetValueOrDefault(r.Country.Key, int.MaxValue))
                .ThenBy(r => r.Country.Name, StringComparer.Ordinal);
            foreach (var r in ordered)
            {
                double? share = r.ValueTons is { } v && denominator is { } d ? Math.Round(v / d, 4) : null;
                items.Add(new ReservesItem(
                    r.Edition, r.Measure, r.Product, r.Year, r.Country.Key, r.Country.Iso3, r.Country.Name, r.CountryPublished, r.Country.IsAggregate,
                    r.ValueTons, r.Qualifier, r.Estimated, r.ValuePublished, r.UnitPublished, r.UnitCorrection, r.Basis,
                    share, ranks.TryGetValue(r.Country.Key, out var rank) ? rank : null, share is null ? null : basis, excludes,
                    r.Notes, r.ValueFromNotes, r.SourceFile, r.IsSample));
            }
        }

        return (items, totals);
    }

    private static int IndexOf(string measure) => UsgsMeasure.All.ToList().IndexOf(measure) is >= 0 and var i ? i : int.MaxValue;
}
