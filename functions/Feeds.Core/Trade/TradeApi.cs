using Azure;
using Feeds.Core.Analysis;
using Feeds.Core.Catalog;

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
        handler.RunAsync(request, ["reporter", "mineral", "flow", "from", "to", "partner", "hs", "includeShared", "freq", "source"], async query =>
        {
            var (reporter, mineral, data) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = query.Flow("flow");
            var monthly = (query.OneOf("freq", "A", "M") ?? "A") == "M";
            var (low, high, from, to) = monthly ? MonthRange(query) : YearRange(query);
            var mirror = Mirror(query);
            var partner = PartnerCode(query, data);
            var hs = query.Hs6("hs");
            var includeShared = query.Flag("includeShared");
            var codes = CodeUse(mineral, includeShared);
            if (hs is not null && codes.All(c => c.Code != hs))
            {
                throw ApiException.BadParameter("hs", $"'{hs}' is not an HS code of {mineral.Id}; its codes are {string.Join(", ", codes.Select(c => c.Code))}.");
            }

            var partition = TradeRow.PartitionOf(reporter.Iso3, mineral.Id, mirror);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
            // Annual and monthly rows share the partition; the month tells them apart (00 is the year).
            filter += " and " + (monthly ? TableClient.CreateQueryFilter($"Month ne {0}") : TableClient.CreateQueryFilter($"Month eq {0}"));
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

            var token = ContinuationToken.Read(query);
            Page<TableEntity> page;
            try
            {
                page = await tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(filter, maxPerPage: query.Limit, cancellationToken: cancellationToken)
                    .AsPages(token, query.Limit).FirstAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (token is not null && ex.Status == 400)
            {
                throw ContinuationToken.Foreign();
            }

            var items = page.Values.Select(TradeEntities.FromEntity).ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["reporter"] = reporter.Iso3,
                ["mineral"] = mineral.Id,
                ["flow"] = flow,
                ["freq"] = monthly ? "M" : "A",
                ["from"] = from,
                ["to"] = to,
                ["source"] = mirror ? TradeRow.MirrorSource : TradeRow.ReportedSource,
                ["includeShared"] = includeShared,
                ["hsCodes"] = codes,
                ["containsSample"] = items.Any(i => i.IsSample),
                ["basis"] = mirror ? MirrorBasis : ReportedBasis,
            };
            var csv = new CsvTable<TradeRow>(
                ["reporter", "mineral", "year", "month", "flow", "source", "hs6", "hs_vintage", "shared", "partner_code", "partner", "partner_name",
                 "is_world", "value_usd", "cif_usd", "fob_usd", "net_weight_kg", "net_weight_estimated", "unit_value_usd_per_kg", "is_sample"],
                i => [i.Reporter, i.Mineral, CsvCells.Number(i.Year), CsvCells.Number(i.Month), i.Flow, i.Source, i.Hs6, i.HsVintage, CsvCells.Bool(i.Shared),
                      CsvCells.Number(i.PartnerCode), i.PartnerKey, i.PartnerName, CsvCells.Bool(i.IsWorld), CsvCells.Number(i.ValueUsd),
                      CsvCells.Number(i.CifUsd), CsvCells.Number(i.FobUsd), CsvCells.Number(i.NetWeightKg), CsvCells.Bool(i.NetWeightEstimated),
                      CsvCells.Number(i.UnitValueUsdPerKg), CsvCells.Bool(i.IsSample)]);
            return ApiResponses.Page(query, items, null, page.ContinuationToken is { } next ? ContinuationToken.Issue(query, next) : null, envelope, csv, CachePolicies.Data, "trade");
        }, DataSets.Trade);

    public Task<IResult> PartnersAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["reporter", "mineral", "flow", "year", "month", "includeShared", "source"], async query =>
        {
            var (reporter, mineral, _) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = query.Flow("flow") ?? throw ApiException.BadParameter("flow", "'flow' is required: M (imports) or X (exports).");
            var year = query.Year("year") ?? throw ApiException.BadParameter("year", "'year' is required.");
            var month = Month(query);
            var mirror = Mirror(query);
            var includeShared = query.Flag("includeShared");
            var codes = CodeUse(mineral, includeShared);
            var (rows, fromMonths) = await PeriodRowsAsync(reporter.Iso3, mineral, mirror, flow, year, month, codes, cancellationToken).ConfigureAwait(false);

            var result = PartnerShares.Compute(rows, fromMonths);
            var envelope = new Dictionary<string, object?>(PeriodEnvelope(reporter, mineral, flow, year, month, includeShared, codes))
            {
                ["source"] = mirror ? TradeRow.MirrorSource : TradeRow.ReportedSource,
                ["partnerSumUsd"] = result.PartnerSumUsd,
                ["worldTotalUsd"] = result.WorldTotalUsd,
                ["gapUsd"] = result.GapUsd,
                ["chinaSharePercent"] = result.ChinaSharePercent,
                ["hhi"] = result.Hhi,
                ["partnerCount"] = result.PartnerCount,
                ["containsSample"] = result.ContainsSample,
                ["basis"] = "Shares are of the sum over partner rows (World excluded); HHI is the sum of squared percentage shares (0-10,000). "
                    + (mirror ? MirrorBasis : ReportedBasis)
                    + (month is null ? " A partner marked fromMonths has no published annual figure: its value is the sum of its twelve reported months." : ""),
            };
            // The summary (totals, China's share, HHI) is repeated on every row: a CSV has no envelope, and a
            // spreadsheet reader must not lose what the JSON says beside the partners.
            var csv = new CsvTable<PartnerShare>(
                ["rank", "partner_code", "partner", "partner_name", "value_usd", "share_percent", "hs6", "from_months", "is_sample",
                 "source", "partner_sum_usd", "world_total_usd", "gap_usd", "china_share_percent", "hhi", "partner_count"],
                p => [CsvCells.Number(p.Rank), CsvCells.Number(p.PartnerCode), p.Partner, p.PartnerName, CsvCells.Number(p.ValueUsd),
                      CsvCells.Number(p.SharePercent), CsvCells.List(p.Hs6), CsvCells.Bool(p.FromMonths), CsvCells.Bool(p.IsSample),
                      mirror ? TradeRow.MirrorSource : TradeRow.ReportedSource, CsvCells.Number(result.PartnerSumUsd), CsvCells.Number(result.WorldTotalUsd),
                      CsvCells.Number(result.GapUsd), CsvCells.Number(result.ChinaSharePercent), CsvCells.Number(result.Hhi), CsvCells.Number(result.PartnerCount)]);
            return ApiResponses.List(query, result.Partners, envelope, csv, CachePolicies.Data, "trade-partners");
        }, DataSets.Trade);

    /// <summary>
    /// <c>GET /api/trade/reconciliation</c>: per partner, what the reporter reports and what the partner reports of the
    /// same trade (the mirror), with the gap. Two single-partition reads: the reporter's rows and its mirror rows.
    /// </summary>
    public Task<IResult> ReconciliationAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["reporter", "mineral", "flow", "year", "month", "includeShared"], async query =>
        {
            var (reporter, mineral, _) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = query.Flow("flow") ?? throw ApiException.BadParameter("flow", "'flow' is required: M (imports) or X (exports).");
            var year = query.Year("year") ?? throw ApiException.BadParameter("year", "'year' is required.");
            var month = Month(query);
            var includeShared = query.Flag("includeShared");
            var codes = CodeUse(mineral, includeShared);
            var (reported, reportedMonths) = await PeriodRowsAsync(reporter.Iso3, mineral, false, flow, year, month, codes, cancellationToken).ConfigureAwait(false);
            var (mirrored, mirrorMonths) = await PeriodRowsAsync(reporter.Iso3, mineral, true, flow, year, month, codes, cancellationToken).ConfigureAwait(false);

            var items = TradeReconciliation.Compare(reported, reportedMonths, mirrored, mirrorMonths, flow);
            var envelope = new Dictionary<string, object?>(PeriodEnvelope(reporter, mineral, flow, year, month, includeShared, codes))
            {
                ["reportedBasis"] = flow == "M" ? "CIF" : "FOB",
                ["mirrorBasis"] = flow == "M" ? "FOB" : "CIF",
                ["containsSample"] = items.Any(i => i.IsSample),
                ["basis"] = "reported: the reporter's own figure; mirror: the partner's report of the same trade, flow seen from the other side. "
                    + "gapUsd = reported - mirror; ratio = reported / mirror. Imports are valued CIF by the importer and FOB by the exporter, so a ratio "
                    + "a little above 1 is expected for imports; partners differ in timing, origin versus destination rules and revisions.",
            };
            var csv = new CsvTable<TradeReconciliationItem>(
                ["partner_code", "partner", "partner_name", "reported_usd", "reported_basis", "mirror_usd", "mirror_basis", "gap_usd", "ratio",
                 "missing", "hs6", "from_months", "is_sample"],
                i => [CsvCells.Number(i.PartnerCode), i.Partner, i.PartnerName, CsvCells.Number(i.ReportedUsd), i.ReportedBasis, CsvCells.Number(i.MirrorUsd),
                      i.MirrorBasis, CsvCells.Number(i.GapUsd), CsvCells.Number(i.Ratio), i.Missing, CsvCells.List(i.Hs6), CsvCells.Bool(i.FromMonths),
                      CsvCells.Bool(i.IsSample)]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Data, "trade-reconciliation");
        }, DataSets.Trade);

    private const string ReportedBasis = "source=reported: the reporter's own figures (imports CIF, exports FOB).";

    private const string MirrorBasis =
        "source=mirror: the reporter's trade as its partners report it; the partner column is the reporting country, the flow is seen from the "
        + "reporter's side, and values keep the partner's valuation (its exports FOB, its imports CIF).";

    /// <summary>The rows of one period and flow over the codes in use: a month's rows, or the year's annual figures.</summary>
    private async Task<(IReadOnlyList<TradeRow> Rows, IReadOnlySet<(int, string, string)> FromMonths)> PeriodRowsAsync(
        string reporter, Mineral mineral, bool mirror, string flow, int year, int? month, List<HsCodeUse> codes, CancellationToken cancellationToken)
    {
        var used = codes.Where(c => c.Used).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var partition = TradeRow.PartitionOf(reporter, mineral.Id, mirror);
        // A month: its own RowKey range. A year: the whole year (annual rows and months), since a year without a
        // published annual figure takes the sum of its twelve months.
        var (low, high) = month is { } m
            ? (string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}-{flow}-"), string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}-{flow}."))
            : (string.Create(CultureInfo.InvariantCulture, $"{year:D4}-"), string.Create(CultureInfo.InvariantCulture, $"{year:D4}."));
        var rows = new List<TradeRow>();
        var scan = tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high} and Flow eq {flow}"),
            maxPerPage: 1000, cancellationToken: cancellationToken);
        await foreach (var entity in scan.ConfigureAwait(false))
        {
            var row = TradeEntities.FromEntity(entity);
            if (used.Contains(row.Hs6))
            {
                rows.Add(row);
            }
        }

        return month is null ? AnnualFigures.Of(rows) : (rows, new HashSet<(int, string, string)>());
    }

    /// <summary>What a one-period answer (partners, reconciliation) was asked: its envelope's first keys.</summary>
    private static Dictionary<string, object?> PeriodEnvelope(
        Country reporter, Mineral mineral, string flow, int year, int? month, bool includeShared, List<HsCodeUse> codes) => new()
    {
        ["reporter"] = reporter.Iso3,
        ["mineral"] = mineral.Id,
        ["flow"] = flow,
        ["year"] = year,
        ["month"] = month,
        ["includeShared"] = includeShared,
        ["hsCodes"] = codes,
    };

    private static bool Mirror(ApiQuery query) => query.OneOf("source", TradeRow.ReportedSource, TradeRow.MirrorSource) == TradeRow.MirrorSource;

    private static int? Month(ApiQuery query)
    {
        var text = query.Optional("month");
        return text is null ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
                ? month
                : throw ApiException.BadParameter("month", $"'month' must be a month from 1 to 12; got '{text}'.");
    }

    /// <summary>Annual data: <c>from</c>/<c>to</c> are years; the RowKey range spans them.</summary>
    private static (string Low, string High, object? From, object? To) YearRange(ApiQuery query)
    {
        var from = query.Year("from");
        var to = query.Year("to");
        if (from > to)
        {
            throw ApiException.BadParameter("from", $"'from' ({from}) is after 'to' ({to}).");
        }

        return (string.Create(CultureInfo.InvariantCulture, $"{from ?? Identifiers.FirstYear:D4}-"),
            string.Create(CultureInfo.InvariantCulture, $"{(to ?? Identifiers.LastYear) + 1:D4}-"), from, to);
    }

    /// <summary>Monthly data: <c>from</c>/<c>to</c> are months (yyyy-MM); the RowKey range spans them.</summary>
    private static (string Low, string High, object? From, object? To) MonthRange(ApiQuery query)
    {
        var from = query.YearMonth("from");
        var to = query.YearMonth("to");
        if (from is { } f && to is { } t && (f.Year * 100) + f.Month > (t.Year * 100) + t.Month)
        {
            throw ApiException.BadParameter("from", $"'from' ({f.Year:D4}-{f.Month:D2}) is after 'to' ({t.Year:D4}-{t.Month:D2}).");
        }

        var low = from is { } a ? string.Create(CultureInfo.InvariantCulture, $"{a.Year:D4}-{a.Month:D2}-") : string.Create(CultureInfo.InvariantCulture, $"{Identifiers.FirstYear:D4}-");
        var high = to is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b.Year:D4}-{b.Month:D2}.") : string.Create(CultureInfo.InvariantCulture, $"{Identifiers.LastYear + 1:D4}-");
        return (low, high, from is { } x ? $"{x.Year:D4}-{x.Month:D2}" : null, to is { } y ? $"{y.Year:D4}-{y.Month:D2}" : null);
    }

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
        return text is null ? null : data.PartnerCode(text) ?? throw ApiException.BadParameter("partner",
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
