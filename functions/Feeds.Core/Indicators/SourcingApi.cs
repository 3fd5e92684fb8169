using Feeds.Core.Analysis;
using Feeds.Core.Catalog;

namespace Feeds.Core.Indicators;

/// <summary>
/// <c>GET /api/sourcing?mineral=&amp;buyer=IND|USA[&amp;scenario=india-us-cmpa]</c>: candidate suppliers ranked by
/// reserves and production (latest USGS edition), with memberships, the buyer's import share (latest year of its
/// annual imports) and reasons. Reads one <c>Reserves</c> partition and one <c>TradeFlows</c> partition.
/// </summary>
public sealed class SourcingApi(FeedTables tables, CatalogService catalog, PolicyRegister register, ReservesStore store, TimeProvider time, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral", "buyer", "scenario"], async query =>
        {
            var mineralId = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");

            var buyer = (query.OneOf("buyer", "IND", "USA") ?? throw ApiException.BadParameter("buyer", "'buyer' is required: IND or USA.")).ToUpperInvariant();
            var scenario = query.OneOf("scenario", SourcingScreen.Scenario) is not null;
            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            var mineral = data.Mineral(mineralId)
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
            var controlled = register.For(mineral.Id).Select(e => e.Country).ToHashSet(StringComparer.Ordinal);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var items = SourcingScreen.Rank(reserves, production, imports, importYear, buyer, data, scenario, controlled, today);

            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineral.Id,
                ["buyer"] = buyer,
                ["scenario"] = scenario ? SourcingScreen.Scenario : null,
                ["isScenario"] = scenario,
                ["reservesEdition"] = reserves is [var r, ..] ? r.Edition : null,
                ["reservesYear"] = reserves is [var ry, ..] ? ry.Year : null,
                ["productionMeasure"] = production is [var p, ..] ? p.Measure : null,
                ["productionEdition"] = production is [var pe, ..] ? pe.Edition : null,
                ["productionYear"] = production is [var py, ..] ? py.Year : null,
                ["importYear"] = importYear,
                ["membershipsOn"] = today,
                ["importValueUsd"] = imports?.PartnerSumUsd,
                ["containsSample"] = items.Any(i => i.IsSample),
                ["basis"] = "Ranked by the better of the reserves rank and the production rank (exact or estimated values only); shares over the published World total (docs/indicators.md); import shares over partner rows of the buyer's latest year, shared HS codes left out.",
            };
            var csv = new CsvTable<SourcingCandidate>(
                ["rank", "iso3", "name", "reserves_rank", "reserves_tons", "reserves_qualifier", "reserves_share_percent", "production_rank", "production_tons",
                 "production_qualifier", "production_share_percent", "memberships", "buyer_import_share_percent", "buyer_import_value_usd", "reasons", "is_sample"],
                c => [CsvCells.Number(c.Rank), c.Iso3, c.Name, CsvCells.Number(c.ReservesRank), CsvCells.Number(c.ReservesTons), c.ReservesQualifier,
                      CsvCells.Number(c.ReservesSharePercent), CsvCells.Number(c.ProductionRank), CsvCells.Number(c.ProductionTons), c.ProductionQualifier,
                      CsvCells.Number(c.ProductionSharePercent), CsvCells.List(c.Memberships), CsvCells.Number(c.BuyerImportSharePercent),
                      CsvCells.Number(c.BuyerImportValueUsd), string.Join("; ", c.Reasons), CsvCells.Bool(c.IsSample)]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Data, "sourcing");
        }, DataSets.Derived);
}
