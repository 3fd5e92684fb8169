using Feeds.Core.Analysis;
using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// <c>GET /api/reserves?mineral=&amp;edition=&amp;country=&amp;measure=</c>: a mineral's world reserves, production and
/// capacity by country from the USGS Mineral Commodity Summaries, with each country's share of the World total and its
/// rank, the World total and "Other countries" rows, and what the World total excludes — from the newest edition that
/// has the mineral unless <c>edition</c> is given (the envelope says which, and lists the editions stored).
/// <c>GET /api/reserves/series?mineral=&amp;country=&amp;measure=[&amp;product=][&amp;editions=all]</c>: one country's figure
/// year by year across editions. Each is one single-partition query (PartitionKey = mineral).
/// </summary>
public sealed class ReservesApi(CatalogService catalog, ReservesStore store, ApiHandler handler)
{
    private const string Source = "USGS Mineral Commodity Summaries data releases (public domain); values in metric tons where the unit is a mass, the published value and unit beside.";

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral", "edition", "country", "measure"], async query =>
        {
            var mineralId = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");
            var edition = query.Edition("edition");
            var country = Country(query);
            var measure = query.OneOf("measure", [.. UsgsMeasure.All]);
            var mineral = await MineralAsync(mineralId, country, cancellationToken).ConfigureAwait(false);

            // The whole partition (one mineral, every edition): the answer lists the editions stored, and an edition the
            // mineral does not have is a 400 naming them rather than an empty success.
            var rows = await store.ReadAsync(mineral.Id, null, null, cancellationToken).ConfigureAwait(false);
            var editions = rows.Select(r => r.Edition).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
            if (edition is not null && !editions.Contains(edition))
            {
                throw ApiException.BadParameter("edition", editions.Count == 0
                    ? $"No USGS edition holds {mineral.Id}; GET /api/minerals lists the minerals."
                    : $"{edition} holds no {mineral.Id} data; editions stored for it: {string.Join(", ", editions)}.");
            }

            var chosen = edition ?? editions.FirstOrDefault();
            var selected = rows.Where(r => r.Edition == chosen && (measure is null || r.Measure == measure)).ToList();

            var (items, totals) = Rank(selected);
            var shown = items.Where(i => country is null || i.CountryKey == country).ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineral.Id,
                ["mineralName"] = mineral.Name,
                ["edition"] = chosen,
                ["editionSelection"] = edition is not null ? "requested" : chosen is null ? null : "newest edition that has the mineral",
                ["editions"] = editions,
                ["measure"] = measure,
                ["country"] = country,
                ["unit"] = "t",
                ["totals"] = totals,
                ["isSample"] = false,
                ["source"] = Source + " Shares are over the published World total where it is a number, otherwise over the sum of the rows (shareBasis says which).",
            };
            var csv = new CsvTable<ReservesRow>(
                ["edition", "measure", "stage", "product", "year", "country_key", "iso3", "country", "country_published", "is_aggregate", "value_tons", "value_tons_high",
                 "qualifier", "estimated", "rounded", "value_published", "unit_published", "unit_correction", "correction", "basis", "coverage", "share_of_world", "rank",
                 "share_basis", "world_total_excludes", "notes", "value_from_notes", "source_file", "is_sample"],
                i => [i.Edition, i.Measure, i.Stage, i.Product, CsvCells.Number(i.Year), i.CountryKey, i.Iso3, i.CountryName, i.CountryPublished, CsvCells.Bool(i.IsAggregate),
                      CsvCells.Number(i.ValueTons), CsvCells.Number(i.ValueTonsHigh), i.Qualifier, CsvCells.Bool(i.Estimated), CsvCells.Bool(i.Rounded), i.ValuePublished,
                      i.UnitPublished, i.UnitCorrection, i.Correction, i.Basis, i.Coverage, CsvCells.Number(i.ShareOfWorld), CsvCells.Number(i.Rank), i.ShareBasis,
                      i.WorldTotalExcludes, i.Notes, CsvCells.Bool(i.ValueFromNotes), i.SourceFile, CsvCells.Bool(i.IsSample)]);
            return ApiResponses.List(query, shown, envelope, csv, CachePolicies.Data, "reserves");
        }, DataSets.Reserves);

    public Task<IResult> SeriesAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral", "country", "measure", "product", "editions"], async query =>
        {
            var mineralId = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");
            var country = Country(query) ?? throw ApiException.BadParameter("country", "'country' is required (an ISO3 code, WORLD or OTHERS).");
            var measure = query.OneOf("measure", [.. UsgsMeasure.All]) ?? throw ApiException.BadParameter("measure", $"'measure' is required: one of {string.Join(", ", UsgsMeasure.All)}.");
            var product = query.ProductSlug("product") ?? "main";
            var all = query.OneOf("editions", "all", "newest") == "all";
            var mineral = await MineralAsync(mineralId, country, cancellationToken).ConfigureAwait(false);

            var rows = (await store.ReadAsync(mineral.Id, null, null, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Measure == measure && r.Product == product && r.Country.Key == country).ToList();
            var items = Series(rows, all);
            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineral.Id,
                ["mineralName"] = mineral.Name,
                ["country"] = country,
                ["measure"] = measure,
                ["product"] = product,
                ["editions"] = all ? "all" : "newest",
                ["selection"] = all ? "every edition's figure for each year (revisions visible)" : "for each year, the figure of the newest edition that has the year",
                ["unit"] = "t",
                ["isSample"] = false,
                ["source"] = Source,
            };
            var csv = new CsvTable<ReservesSeriesItem>(
                ["year", "edition", "newest", "measure", "stage", "product", "country_key", "country", "value_tons", "value_tons_high", "qualifier", "estimated",
                 "value_published", "unit_published", "unit_correction", "correction", "basis", "source_file", "is_sample"],
                i => [CsvCells.Number(i.Year), i.Edition, CsvCells.Bool(i.Newest), i.Measure, i.Stage, i.Product, i.CountryKey, i.Country, CsvCells.Number(i.ValueTons),
                      CsvCells.Number(i.ValueTonsHigh), i.Qualifier, CsvCells.Bool(i.Estimated), i.ValuePublished, i.UnitPublished, i.UnitCorrection, i.Correction,
                      i.Basis, i.SourceFile, CsvCells.Bool(i.IsSample)]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Data, "reserves-series");
        }, DataSets.Reserves);

    /// <summary>Year by year (oldest first): the newest edition's figure, or every edition's (newest first within a year).</summary>
    public static List<ReservesSeriesItem> Series(IEnumerable<ReservesRow> rows, bool allEditions)
    {
        var items = new List<ReservesSeriesItem>();
        foreach (var year in rows.GroupBy(r => r.Year).OrderBy(g => g.Key))
        {
            var byEdition = year.OrderByDescending(r => r.Edition, StringComparer.Ordinal).ToList();
            foreach (var (r, i) in byEdition.Select((r, i) => (r, i)).Where(x => allEditions || x.i == 0))
            {
                items.Add(new ReservesSeriesItem(
                    r.Year, r.Edition, i == 0, r.Measure, r.Stage, r.Product, r.Country.Key, r.Country.Name, r.ValueTons, r.ValueTonsHigh, r.Qualifier,
                    r.Estimated, r.ValuePublished, r.UnitPublished, r.UnitCorrection, r.Correction, r.Basis, r.SourceFile, false));
            }
        }

        return items;
    }

    /// <summary>
    /// Shares and ranks per (measure, product, year), set on each row with what its group's World total excludes: the
    /// share is the row's tons over the World total's tons (a World total given as a bound is used, and said so), or over
    /// the sum of the rows when the World total has no number; ranks go to named countries with an exact or estimated
    /// value, largest first, ties sharing a rank.
    /// </summary>
    public static (List<ReservesRow> Items, List<ReservesTotal> Totals) Rank(IReadOnlyList<ReservesRow> rows)
    {
        var items = new List<ReservesRow>();
        var totals = new List<ReservesTotal>();
        var groups = rows.GroupBy(r => (r.Measure, r.Product, r.Year))
            .OrderBy(g => IndexOf(g.Key.Measure)).ThenBy(g => g.Key.Product, StringComparer.Ordinal).ThenByDescending(g => g.Key.Year);
        foreach (var group in groups)
        {
            var world = group.FirstOrDefault(r => r.Country.Key == UsgsCountry.WorldKey);
            var (denominator, basis) = ReservesShares.Denominator(group);

            var ranks = ReservesShares.Ranks(group);
            var excludes = world?.WorldTotalExcludes;
            totals.Add(new ReservesTotal(group.Key.Measure, group.Key.Product, group.Key.Year, world?.ValueTons, world?.Qualifier, basis, excludes,
                group.Count(r => !r.Country.IsAggregate)));

            var ordered = group.OrderBy(r => r.Country.Key == UsgsCountry.WorldKey ? 3 : r.Country.IsAggregate ? 2 : ranks.ContainsKey(r.Country.Key) ? 0 : 1)
                .ThenBy(r => ranks.GetValueOrDefault(r.Country.Key, int.MaxValue))
                .ThenBy(r => r.Country.Name, StringComparer.Ordinal);
            foreach (var r in ordered)
            {
                double? share = r.ValueTons is { } v && denominator is { } d && r.Qualifier != UsgsQualifier.Range ? Math.Round(v / d, 4) : null;
                items.Add(r with
                {
                    ShareOfWorld = share,
                    Rank = ranks.TryGetValue(r.Country.Key, out var rank) ? rank : null,
                    ShareBasis = share is null ? null : basis,
                    WorldTotalExcludes = excludes,
                });
            }
        }

        return (items, totals);
    }

    private static string? Country(ApiQuery query) => query.Iso3("country", UsgsCountry.WorldKey, UsgsCountry.OthersKey);

    private async Task<Mineral> MineralAsync(string mineralId, string? country, CancellationToken cancellationToken)
    {
        var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
        var mineral = data.Mineral(mineralId)
            ?? throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");
        if (country is not null && !UsgsCountry.IsAggregateKey(country) && data.Country(country) is null)
        {
            throw ApiException.BadParameter("country", $"'{country}' is not a country of the catalog; GET /api/countries lists them.");
        }

        return mineral;
    }

    private static int IndexOf(string measure) => UsgsMeasure.All.ToList().IndexOf(measure) is >= 0 and var i ? i : int.MaxValue;
}
