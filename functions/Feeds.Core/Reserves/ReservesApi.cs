using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Microsoft.AspNetCore.Http;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// <c>GET /api/reserves?mineral=&amp;edition=&amp;country=&amp;measure=</c>: a mineral's world reserves, production and
/// capacity by country from the USGS Mineral Commodity Summaries, with each country's share of the World total and its
/// rank, the World total and "Other countries" rows, and what the World total excludes. The latest edition unless
/// <c>edition</c> is given. One single-partition query (PartitionKey = mineral) and, for the US salient statistics,
/// one point read.
/// </summary>
public sealed partial class ReservesApi(CatalogStore catalog, ReservesStore store, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "mineral", "edition", "country", "measure");
            var mineralId = query.Required("mineral").ToLowerInvariant();
            if (!MineralId().IsMatch(mineralId))
            {
                throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral id (lower-case English name such as lithium, ree, nickel).");
            }

            var edition = query.Optional("edition")?.ToUpperInvariant();
            if (edition is not null && !Edition().IsMatch(edition))
            {
                throw ApiException.BadParameter("edition", $"'edition' must be an MCS edition such as MCS2024; got '{edition}'.");
            }

            var country = query.Optional("country")?.ToUpperInvariant();
            if (country is not null && !Iso3().IsMatch(country) && !UsgsCountryResolver.IsAggregateKey(country))
            {
                throw ApiException.BadParameter("country", $"'country' must be an ISO3 code (AUS) or WORLD / OTHERS; got '{country}'.");
            }

            var measure = query.OneOf("measure", [.. UsgsMeasure.All]);
            query.Format();
            query.Limit();

            var mineral = await catalog.ReadMineralAsync(mineralId, cancellationToken).ConfigureAwait(false);
            if (mineral is null)
            {
                if ((await catalog.ReadListsAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    throw new ApiException(StatusCodes.Status503ServiceUnavailable, "catalog-not-loaded", "Catalog not loaded",
                        "The catalog feed has not stored the catalog yet; run it (ingest catalog) or wait for its timer.");
                }

                throw ApiException.NotFound("mineral", $"No mineral '{mineralId}' in the catalog; GET /api/minerals lists them.");
            }

            if (country is not null && Iso3().IsMatch(country)
                && (await catalog.ReadCountriesAsync(cancellationToken).ConfigureAwait(false)).All(c => c.Iso3 != country))
            {
                throw ApiException.BadParameter("country", $"'{country}' is not a country of the catalog; GET /api/countries lists them.");
            }

            var rows = await store.ReadAsync(mineral.Id, edition, measure, cancellationToken).ConfigureAwait(false);
            var editions = rows.Select(r => r.Edition).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
            var chosen = edition ?? editions.FirstOrDefault();
            var selected = rows.Where(r => r.Edition == chosen && (measure is null || r.Measure == measure)).ToList();

            var (items, totals) = Rank(selected);
            var shown = items.Where(i => country is null || i.CountryKey == country).ToList();
            var salient = chosen is null ? null : ToSalient(await store.ReadSalientAsync(chosen, mineral.Id, cancellationToken).ConfigureAwait(false));

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
                i => [i.Edition, i.Measure, i.Product, Invariant(i.Year), i.CountryKey, i.Iso3, i.Country, i.CountryPublished, Bool(i.IsAggregate),
                      Invariant(i.ValueTons), i.Qualifier, Bool(i.Estimated), i.ValuePublished, i.UnitPublished, i.UnitCorrection, i.Basis,
                      Invariant(i.ShareOfWorld), i.Rank is { } r ? Invariant(r) : null, i.ShareBasis, i.WorldTotalExcludes, i.Notes,
                      Bool(i.ValueFromNotes), i.SourceFile, Bool(i.IsSample)]);
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
            var world = group.FirstOrDefault(r => r.Country.Key == UsgsCountryResolver.WorldKey);
            var (denominator, basis) = ReservesShares.Denominator(group);

            var ranked = group.Where(r => !r.Country.IsAggregate && r.ValueTons is not null && UsgsQualifier.IsValue(r.Qualifier))
                .OrderByDescending(r => r.ValueTons).ToList();
            var ranks = ranked.ToDictionary(r => r.Country.Key, r => 1 + ranked.Count(o => o.ValueTons > r.ValueTons), StringComparer.Ordinal);
            var excludes = world?.WorldTotalExcludes;
            totals.Add(new ReservesTotal(group.Key.Measure, group.Key.Product, group.Key.Year, world?.ValueTons, world?.Qualifier, basis, excludes,
                group.Count(r => !r.Country.IsAggregate)));

            var ordered = group.OrderBy(r => r.Country.Key == UsgsCountryResolver.WorldKey ? 3 : r.Country.Key == UsgsCountryResolver.OthersKey ? 2 : ranks.ContainsKey(r.Country.Key) ? 0 : 1)
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

    public static SalientItem? ToSalient(TableEntity? e) => e is null ? null : new SalientItem(
        e.GetString("Edition") ?? "", e.GetInt32("Year") ?? 0, e.GetBoolean("YearEstimated") ?? false,
        e.GetString("NetImportReliance") ?? "", e.GetString("NetImportRelianceQualifier") ?? "", e.GetDouble("NetImportReliancePercent"),
        e.GetString("PrimaryImportSource"), e.GetString("PrimaryImportSourceIso3"), e.GetString("LeadingProducer"), e.GetString("LeadingProducerIso3"),
        e.GetString("LeadingProducerShare") ?? "", e.GetString("LeadingProducerShareQualifier") ?? "", e.GetDouble("LeadingProducerSharePercent"),
        e.GetString("WorldProductionNotes"), e.GetString("SourceFile") ?? "", e.GetBoolean("IsSample") ?? false);

    private static int IndexOf(string measure) => UsgsMeasure.All.ToList().IndexOf(measure) is >= 0 and var i ? i : int.MaxValue;

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Invariant(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex MineralId();

    [GeneratedRegex("^MCS[0-9]{4}$")]
    private static partial Regex Edition();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3();
}
