using Feeds.Core.Catalog;

namespace Feeds.Core.Indicators;

/// <summary>
/// <c>GET /api/indicators?reporter=&amp;year=[&amp;mineral=][&amp;scenario=india-us-cmpa]</c>: the stored indicators of
/// a reporter (or <c>WORLD</c>) for a year — one single-partition range of <c>Indicators</c>, or a point read with
/// <c>mineral</c>. The scenario swaps in the US-FTA share computed as if India had the proposed agreement.
/// </summary>
public sealed class IndicatorsApi(FeedTables tables, CatalogService catalog, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["reporter", "year", "mineral", "scenario"], async query =>
        {
            var reporter = query.Iso3("reporter", IndicatorsBuilder.WorldScope) ?? throw ApiException.BadParameter("reporter", "'reporter' is required.");
            var year = query.Year("year") ?? throw ApiException.BadParameter("year", "'year' is required.");
            var mineral = query.MineralId("mineral");
            var scenario = query.OneOf("scenario", SourcingScreen.Scenario) is not null;

            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            if (reporter != IndicatorsBuilder.WorldScope && data.Country(reporter) is null)
            {
                throw ApiException.BadParameter("reporter", $"'{reporter}' is not a country of the catalog (GET /api/countries), nor WORLD.");
            }

            if (mineral is not null && data.Mineral(mineral) is null)
            {
                throw ApiException.BadParameter("mineral", $"'{mineral}' is not a mineral of the catalog (GET /api/minerals).");
            }

            var table = tables.Get(FeedTables.Indicators);
            var entities = new List<TableEntity>();
            if (mineral is not null)
            {
                var found = await table.GetEntityIfExistsAsync<TableEntity>(reporter, IndicatorEntities.RowKey(year, mineral), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (found.HasValue)
                {
                    entities.Add(found.Value!);
                }
            }
            else
            {
                var low = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-");
                var high = string.Create(CultureInfo.InvariantCulture, $"{year:D4}.");
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {reporter} and RowKey ge {low} and RowKey lt {high}");
                await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    entities.Add(e);
                }
            }

            // JSON without the scenario: the stored rows as they are, when every row has today's shape.
            var stored = query.Format == ResponseFormat.Json && !scenario ? entities.Select(StoredIndicatorJson.TryFrom).ToList() : null;
            if (stored is not null && stored.All(s => s is not null))
            {
                var items = stored.Select(s => s!).ToList();
                return ApiResponses.List(query, items, Envelope(reporter, year, mineral, scenario, items.Any(i => i.IsSample)),
                    new CsvTable<StoredIndicatorJson>(Header, i => Cells(IndicatorEntities.FromEntity(i.Entity))), CachePolicies.Data, "indicators");
            }

            var rows = entities.Select(IndicatorEntities.FromEntity);
            List<IndicatorRow> typed = scenario
                ? [.. rows.Select(r => r.Imports is null ? r : r with { Imports = r.Imports with { UsftaSharePercent = r.Imports.UsftaScenarioSharePercent } })]
                : [.. rows];
            return ApiResponses.List(query, typed, Envelope(reporter, year, mineral, scenario, typed.Any(i => i.IsSample)),
                new CsvTable<IndicatorRow>(Header, Cells), CachePolicies.Data, "indicators");
        }, DataSets.Derived);

    private static Dictionary<string, object?> Envelope(string reporter, int year, string? mineral, bool scenario, bool containsSample) => new()
    {
        ["reporter"] = reporter,
        ["year"] = year,
        ["mineral"] = mineral,
        ["scenario"] = scenario ? SourcingScreen.Scenario : null,
        ["isScenario"] = scenario,
        ["containsSample"] = containsSample,
        ["definitions"] = "docs/indicators.md: import shares over partner rows (World excluded; gapUsd to the reported World total), shared HS codes left out; HHI = sum of squared percentage shares (0-10,000); memberships as on 1 July of the year (membershipsOn); usftaShareBasis ira-30d-test for years the IRA 30D critical-mineral test applied (2023-2025), else us-fta-grouping; mspSharePercent null when the MSP did not exist; reserve and production shares over the published World total (shareBasis), named countries only in the HHI, Other countries as unattributed; withheld or bounded inputs are flagged (dependsOnBounded, dependsOnWithheld), never used as exact. USA rows: usNetImportReliance holds USGS's own net import reliance and China's share (or rank) among US import sources, each with its source, beside the Comtrade import figures (source UN Comtrade).",
    };

    private static readonly string[] Header =
    [
        "scope", "mineral", "year", "import_value_usd", "world_total_usd", "gap_usd", "top_source", "top_source_share_percent",
        "china_share_percent", "hhi", "source_count", "usfta_share_percent", "usfta_share_basis", "msp_share_percent", "memberships_on", "previous_year_value_usd", "change_percent",
        "reserves_edition", "reserves_year", "reserves_hhi", "reserves_top3_share_percent", "reserves_china_share_percent",
        "reserves_unattributed_share_percent", "reserves_share_basis", "reserves_reporter_tons", "reserves_reporter_share_percent",
        "production_edition", "production_measure", "production_year", "production_hhi", "production_top3_share_percent",
        "production_china_share_percent", "production_unattributed_share_percent", "production_share_basis", "production_reporter_tons",
        "production_reporter_share_percent", "net_import_reliance", "net_import_reliance_qualifier", "net_import_reliance_source",
        "china_import_share_percent", "china_import_rank", "import_sources_period", "import_sources_source", "depends_on_bounded", "depends_on_withheld", "is_sample",
    ];

    private static IEnumerable<string?> Cells(IndicatorRow r)
    {
        var i = r.Imports;
        var s = r.Reserves;
        var p = r.Production;
        return
        [
            r.Scope, r.Mineral, CsvCells.Number(r.Year), CsvCells.Number(i?.ImportValueUsd), CsvCells.Number(i?.WorldTotalUsd), CsvCells.Number(i?.GapUsd), i?.TopSource, CsvCells.Number(i?.TopSourceSharePercent),
            CsvCells.Number(i?.ChinaSharePercent), CsvCells.Number(i?.Hhi), CsvCells.Number(i?.SourceCount), CsvCells.Number(i?.UsftaSharePercent), i?.UsftaShareBasis, CsvCells.Number(i?.MspSharePercent), CsvCells.Day(i?.MembershipsOn), CsvCells.Number(i?.PreviousYearValueUsd), CsvCells.Number(i?.ChangePercent),
            s?.Edition, CsvCells.Number(s?.Year), CsvCells.Number(s?.Hhi), CsvCells.Number(s?.Top3SharePercent), CsvCells.Number(s?.ChinaSharePercent), CsvCells.Number(s?.UnattributedSharePercent), s?.ShareBasis,
            CsvCells.Number(s?.ReporterTons), CsvCells.Number(s?.ReporterSharePercent),
            p?.Edition, p?.Measure, CsvCells.Number(p?.Year), CsvCells.Number(p?.Hhi), CsvCells.Number(p?.Top3SharePercent), CsvCells.Number(p?.ChinaSharePercent), CsvCells.Number(p?.UnattributedSharePercent), p?.ShareBasis,
            CsvCells.Number(p?.ReporterTons), CsvCells.Number(p?.ReporterSharePercent), r.UsNetImportReliance?.NetImportReliance, r.UsNetImportReliance?.NetImportRelianceQualifier, r.UsNetImportReliance?.NetImportRelianceSource,
            CsvCells.Number(r.UsNetImportReliance?.ChinaImportSharePercent), CsvCells.Number(r.UsNetImportReliance?.ChinaImportRank), r.UsNetImportReliance?.ImportSourcesPeriod, r.UsNetImportReliance?.ImportSourcesSource,
            CsvCells.Bool(r.DependsOnBounded), CsvCells.Bool(r.DependsOnWithheld), CsvCells.Bool(r.IsSample),
        ];
    }
}
