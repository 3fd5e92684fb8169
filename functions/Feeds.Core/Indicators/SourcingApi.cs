using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Storage;
using Feeds.Core.Events;
using Feeds.Core.Reserves;
using Microsoft.AspNetCore.Http;

namespace Feeds.Core.Indicators;

/// <summary>
/// <c>GET /api/sourcing?mineral=&amp;buyer=IND|USA[&amp;scenario=india-us-cmpa]</c>: candidate suppliers ranked by
/// reserves and production (latest USGS edition), with memberships, the buyer's import share (latest year of its
/// annual imports) and reasons. Reads one <c>Reserves</c> partition and one <c>TradeFlows</c> partition.
/// </summary>
public sealed partial class SourcingApi(FeedTables tables, CatalogLookup catalog, ReservesStore store, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "mineral", "buyer", "scenario");
            var mineralId = query.Required("mineral").ToLowerInvariant();
            if (!MineralId().IsMatch(mineralId))
            {
                throw ApiException.BadParameter("mineral", $"'mineral' must be a mineral id such as lithium; got '{mineralId}'.");
            }

            var buyer = (query.OneOf("buyer", "IND", "USA") ?? throw ApiException.BadParameter("buyer", "'buyer' is required: IND or USA.")).ToUpperInvariant();
            var scenario = query.OneOf("scenario", SourcingScreen.Scenario) is not null;
            query.Format();
            query.Limit();

            var snapshot = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
            var mineral = snapshot.Minerals.GetValueOrDefault(mineralId)
                ?? throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");

            var usgs = await store.ReadAsync(mineral.Id, null, null, cancellationToken).ConfigureAwait(false);
            var reserves = IndicatorsBuilder.SelectGroup(usgs, [UsgsMeasure.Reserves], null);
            var production = IndicatorsBuilder.SelectGroup(usgs, [UsgsMeasure.MineProduction, UsgsMeasure.RefineryProduction], null);

            var codes = IndicatorsBuilder.UsedCodes(mineral);
            var trade = new List<TradeRow>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{buyer}-{mineral.Id}"} and Flow eq {"M"} and Month eq {0}");
            await foreach (var e in tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var row = TradeEntities.FromEntity(e);
                if (codes.Contains(row.Hs6))
                {
                    trade.Add(row);
                }
            }

            int? importYear = trade.Where(r => !r.IsWorld).Select(r => (int?)r.Year).Max();
            var imports = importYear is null ? null : PartnerShares.Compute([.. trade.Where(r => r.Year == importYear)]);
            var controlled = EventsApi.For(mineral.Id, EventsApi.Catalog).Select(e => e.Country).ToHashSet(StringComparer.Ordinal);
            var items = SourcingScreen.Rank(reserves, production, imports, importYear, buyer, snapshot.Countries, scenario, controlled);

            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineral.Id,
                ["buyer"] = buyer,
                ["scenario"] = scenario ? SourcingScreen.Scenario : null,
                ["isScenario"] = scenario,
                ["reservesEdition"] = reserves.FirstOrDefault()?.Edition,
                ["reservesYear"] = reserves.FirstOrDefault()?.Year,
                ["productionMeasure"] = production.FirstOrDefault()?.Measure,
                ["productionEdition"] = production.FirstOrDefault()?.Edition,
                ["productionYear"] = production.FirstOrDefault()?.Year,
                ["importYear"] = importYear,
                ["importValueUsd"] = imports?.PartnerSumUsd,
                ["containsSample"] = items.Any(i => i.IsSample),
                ["basis"] = "Ranked by the better of the reserves rank and the production rank (exact or estimated values only); shares over the published World total (docs/indicators.md); import shares over partner rows of the buyer's latest year, shared HS codes left out.",
            };
            var csv = new CsvTable<SourcingCandidate>(
                ["rank", "iso3", "name", "reserves_rank", "reserves_t", "reserves_qualifier", "reserves_share_percent", "production_rank", "production_t",
                 "production_qualifier", "production_share_percent", "memberships", "buyer_import_share_percent", "buyer_import_value_usd", "reasons", "is_sample"],
                c => [N(c.Rank), c.Iso3, c.Name, N(c.ReservesRank), N(c.ReservesTons), c.ReservesQualifier, N(c.ReservesSharePercent), N(c.ProductionRank),
                      N(c.ProductionTons), c.ProductionQualifier, N(c.ProductionSharePercent), string.Join(';', c.Memberships), N(c.BuyerImportSharePercent),
                      N(c.BuyerImportValueUsd), string.Join("; ", c.Reasons), c.IsSample ? "true" : "false"]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Data, "sourcing");
        });

    private static string? N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? N(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex MineralId();
}
