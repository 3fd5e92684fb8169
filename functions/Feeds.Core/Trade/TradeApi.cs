using Azure;
using Feeds.Core.Analysis;
using Feeds.Core.Catalog;
using Feeds.Core.Http;
using Feeds.Core.Storage;

namespace Feeds.Core.Trade;

/// <summary>
/// <c>GET /api/trade</c> and <c>GET /api/trade/partners</c>. Both read one partition of <c>TradeFlows</c>
/// (<c>{reporter}-{mineral}</c>) over a RowKey range; other filters are property comparisons inside that range.
/// Codes shared with other goods or minerals are left out unless <c>includeShared=true</c>, and the answer says
/// which codes were used.
/// </summary>
public sealed class TradeApi(FeedTables tables, CatalogService catalog, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["reporter", "mineral", "flow", "from", "to", "partner", "hs", "includeShared"], async query =>
        {
            var (reporter, mineral, data) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = query.Flow("flow");
            var from = query.Year("from");
            var to = query.Year("to");
            if (from > to)
            {
                throw ApiException.BadParameter("from", $"'from' ({from}) is after 'to' ({to}).");
            }

            var partner = PartnerCode(query, data);
            var hs = query.Hs6("hs");
            var includeShared = query.Flag("includeShared");
            var codes = CodeUse(mineral, includeShared);
            if (hs is not null && codes.All(c => c.Code != hs))
            {
                throw ApiException.BadParameter("hs", $"'{hs}' is not an HS code of {mineral.Id}; its codes are {string.Join(", ", codes.Select(c => c.Code))}.");
            }

            var partition = $"{reporter.Iso3}-{mineral.Id}";
            var low = string.Create(CultureInfo.InvariantCulture, $"{from ?? Identifiers.FirstYear:D4}-");
            var high = string.Create(CultureInfo.InvariantCulture, $"{(to ?? Identifiers.LastYear) + 1:D4}-");
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
            if (flow is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Flow eq {flow}");
            }

            if (partner is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"PartnerCode eq {partner.Value}");
            }

            if (hs is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Hs6 eq {hs}");
            }
            else if (!includeShared)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Shared eq {false}");
            }

            var token = TableToken.Decode(query.Continuation);
            Page<TableEntity> page;
            try
            {
                page = await tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(filter, maxPerPage: query.Limit, cancellationToken: cancellationToken)
                    .AsPages(token, query.Limit).FirstAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (token is not null && ex.Status == 400)
            {
                throw ApiException.BadParameter("continuation", "'continuation' is not a token this route issued; start again without it.");
            }

            var items = page.Values.Select(TradeEntities.FromEntity).ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["reporter"] = reporter.Iso3,
                ["mineral"] = mineral.Id,
                ["flow"] = flow,
                ["from"] = from,
                ["to"] = to,
                ["includeShared"] = includeShared,
                ["hsCodes"] = codes,
                ["containsSample"] = items.Any(i => i.IsSample),
            };
            var csv = new CsvTable<TradeRow>(
                ["reporter", "mineral", "year", "month", "flow", "hs6", "hs_vintage", "shared", "partner_code", "partner", "partner_name",
                 "is_world", "value_usd", "cif_usd", "fob_usd", "net_weight_kg", "net_weight_estimated", "unit_value_usd_per_kg", "is_sample"],
                i => [i.Reporter, i.Mineral, CsvCells.Number(i.Year), CsvCells.Number(i.Month), i.Flow, i.Hs6, i.HsVintage, CsvCells.Bool(i.Shared),
                      CsvCells.Number(i.PartnerCode), i.PartnerKey, i.PartnerName, CsvCells.Bool(i.IsWorld), CsvCells.Number(i.ValueUsd),
                      CsvCells.Number(i.CifUsd), CsvCells.Number(i.FobUsd), CsvCells.Number(i.NetWeightKg), CsvCells.Bool(i.NetWeightEstimated),
                      CsvCells.Number(i.UnitValueUsdPerKg), CsvCells.Bool(i.IsSample)]);
            return ApiResponses.Page(query, items, null, TableToken.Encode(page.ContinuationToken), envelope, csv, CachePolicies.Data, "trade");
        });

    public Task<IResult> PartnersAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["reporter", "mineral", "flow", "year", "includeShared"], async query =>
        {
            var (reporter, mineral, _) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = query.Flow("flow") ?? throw ApiException.BadParameter("flow", "'flow' is required: M (imports) or X (exports).");
            var year = query.Year("year") ?? throw ApiException.BadParameter("year", "'year' is required.");
            var includeShared = query.Flag("includeShared");
            var codes = CodeUse(mineral, includeShared);
            var used = codes.Where(c => c.Used).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

            var partition = $"{reporter.Iso3}-{mineral.Id}";
            var low = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-00-{flow}-");
            var high = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-00-{flow}.");
            var rows = new List<TradeRow>();
            var scan = tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}"),
                maxPerPage: 1000, cancellationToken: cancellationToken);
            await foreach (var entity in scan.ConfigureAwait(false))
            {
                var row = TradeEntities.FromEntity(entity);
                if (used.Contains(row.Hs6))
                {
                    rows.Add(row);
                }
            }

            var result = PartnerShares.Compute(rows);
            var envelope = new Dictionary<string, object?>
            {
                ["reporter"] = reporter.Iso3,
                ["mineral"] = mineral.Id,
                ["flow"] = flow,
                ["year"] = year,
                ["includeShared"] = includeShared,
                ["hsCodes"] = codes,
                ["partnerSumUsd"] = result.PartnerSumUsd,
                ["worldTotalUsd"] = result.WorldTotalUsd,
                ["gapUsd"] = result.GapUsd,
                ["chinaSharePercent"] = result.ChinaSharePercent,
                ["hhi"] = result.Hhi,
                ["partnerCount"] = result.PartnerCount,
                ["containsSample"] = result.ContainsSample,
                ["basis"] = "Shares are of the sum over partner rows (World excluded); HHI is the sum of squared percentage shares (0-10,000).",
            };
            var csv = new CsvTable<PartnerShare>(
                ["rank", "partner_code", "partner", "partner_name", "value_usd", "share_percent", "hs6", "is_sample"],
                p => [CsvCells.Number(p.Rank), CsvCells.Number(p.PartnerCode), p.Partner, p.PartnerName, CsvCells.Number(p.ValueUsd),
                      CsvCells.Number(p.SharePercent), CsvCells.List(p.Hs6), CsvCells.Bool(p.IsSample)]);
            return ApiResponses.List(query, result.Partners, envelope, csv, CachePolicies.Data, "trade-partners");
        });

    private async Task<(Country Reporter, Mineral Mineral, CatalogData Data)> ReporterAndMineralAsync(ApiQuery query, CancellationToken cancellationToken)
    {
        var reporterText = query.Iso3("reporter") ?? throw ApiException.BadParameter("reporter", "'reporter' is required.");
        var mineralText = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");
        var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
        var reporter = data.Country(reporterText)
            ?? throw ApiException.BadParameter("reporter", $"'{reporterText}' is not a country of the catalog (GET /api/countries).");
        var mineral = data.Mineral(mineralText)
            ?? throw ApiException.BadParameter("mineral", $"'{mineralText}' is not a mineral of the catalog (GET /api/minerals).");
        return (reporter, mineral, data);
    }

    /// <summary>A partner as ISO3 (CHN), area key (W00, X490) or Comtrade code (156, 490).</summary>
    private static int? PartnerCode(ApiQuery query, CatalogData data)
    {
        var text = query.Optional("partner")?.ToUpperInvariant();
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 999)
        {
            return code;
        }

        if (data.Country(text) is { ComtradeCode: { } countryCode })
        {
            return countryCode;
        }

        var area = data.Areas.FirstOrDefault(a => a.Key == text);
        return area?.ComtradeCode ?? throw ApiException.BadParameter("partner",
            $"'partner' must be an ISO3 code with a Comtrade code (CHN), an area key (W00, X490) or a Comtrade partner code; got '{text}'.");
    }

    private static List<HsCodeUse> CodeUse(Mineral mineral, bool includeShared) =>
        [.. mineral.HsCodes.GroupBy(h => h.Code).Select(g =>
        {
            var shared = g.Any(h => h.Shared);
            return new HsCodeUse(g.Key, shared, includeShared || !shared,
                shared && !includeShared ? "shared with " + (g.SelectMany(h => h.SharedWith).Distinct().DefaultIfEmpty("other goods").Aggregate((a, b) => $"{a}, {b}")) + "; includeShared=true adds it" : null);
        })];
}
