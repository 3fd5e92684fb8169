using Feeds.Core.Catalog;

namespace Feeds.Core.Events;

/// <summary>
/// <c>GET /api/events/{id}/impact?reporter=&amp;partner=&amp;mineral=[&amp;hs=][&amp;months=6][&amp;flow=]</c>: what trade
/// did around a measure, from the monthly rows of <c>TradeFlows</c> — one single-partition query
/// (<c>{reporter}-{mineral}</c>, a RowKey range over the months needed). The flow is the reporter's exports when it is
/// the measure's country (China's exports to a partner) and its imports otherwise, unless <c>flow</c> says.
/// </summary>
public sealed class EventImpactApi(PolicyRegister register, CatalogService catalog, FeedTables tables, ApiHandler handler)
{
    public const int DefaultMonths = 6, MaxMonths = 24;

    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["reporter", "partner", "mineral", "hs", "months", "flow"], async query =>
        {
            var e = register.Find(id) ?? throw ApiException.NotFound("event", $"No event '{id}' in the policy register; GET /api/events lists them.");
            var reporterText = query.Iso3("reporter") ?? throw ApiException.BadParameter("reporter", "'reporter' is required (ISO3, e.g. CHN).");
            var partnerText = query.Optional("partner")?.ToUpperInvariant() ?? throw ApiException.BadParameter("partner", "'partner' is required (ISO3, area key or Comtrade code, e.g. IND).");
            var mineralId = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");
            var hs = query.Hs6("hs");
            var months = query.Count("months", DefaultMonths, MaxMonths);
            var requestedFlow = query.Flow("flow");

            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            var reporter = data.Country(reporterText)
                ?? throw ApiException.BadParameter("reporter", $"'{reporterText}' is not a country of the catalog (GET /api/countries).");
            var partnerCode = data.PartnerCode(partnerText)
                ?? throw ApiException.BadParameter("partner", $"'partner' must be an ISO3 code with a Comtrade code (IND), an area key (W00, X490) or a Comtrade partner code; got '{partnerText}'.");
            var mineral = data.Mineral(mineralId)
                ?? throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");
            var mineralCodes = mineral.HsCodes.Select(h => h.Code).Distinct().ToList();
            if (hs is not null && !mineralCodes.Contains(hs))
            {
                throw ApiException.BadParameter("hs", $"'{hs}' is not an HS code of {mineral.Id} in the catalog, so no trade rows are stored under it; its codes are {string.Join(", ", mineralCodes)}.");
            }

            // The codes: as asked; else the event's catalog codes of this mineral; else the mineral's own (unshared) codes.
            var eventCodes = e.HsCodes.Where(h => h.InCatalog && mineralCodes.Contains(h.Hs6)).Select(h => h.Hs6).Distinct().ToList();
            var ownCodes = mineral.HsCodes.GroupBy(h => h.Code).Where(g => !g.Any(h => h.Shared)).Select(g => g.Key).ToList();
            var (codes, hsBasis) = hs is not null ? ([hs], "requested")
                : eventCodes.Count > 0 ? (eventCodes, "the event's HS codes that the catalog has for the mineral")
                : (ownCodes, "the mineral's own HS codes (the event names none the catalog has for it; shared codes left out)");
            var flow = requestedFlow ?? (reporter.Iso3 == e.Country ? "X" : "M");
            var flowBasis = requestedFlow is not null ? "requested"
                : flow == "X" ? "the reporter is the measure's country: its exports" : "the reporter is not the measure's country: its imports";

            var reference = new DateOnly(e.Date.Year, e.Date.Month, 1);
            var first = reference.AddMonths(-months - 12);
            var last = reference.AddMonths(months - 1);
            var low = string.Create(CultureInfo.InvariantCulture, $"{first.Year:D4}-{first.Month:D2}-");
            var high = string.Create(CultureInfo.InvariantCulture, $"{last.Year:D4}-{last.Month:D2}.");
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {$"{reporter.Iso3}-{mineral.Id}"} and RowKey ge {low} and RowKey lt {high} and Flow eq {flow} and PartnerCode eq {partnerCode} and Month gt {0}");
            var rows = new List<TradeRow>();
            await foreach (var entity in tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var row = TradeEntities.FromEntity(entity);
                if (codes.Contains(row.Hs6))
                {
                    rows.Add(row);
                }
            }

            var (windows, monthly) = EventStudy.Compute(rows, reference, months);
            ImpactWindow Get(string name) => windows.Single(w => w.Window == name);
            var envelope = new Dictionary<string, object?>
            {
                ["event"] = new { e.Id, e.Title, e.Kind, e.Country, e.Instrument.Number, e.Date, e.InForce, e.TookEffect },
                ["referenceMonth"] = string.Create(CultureInfo.InvariantCulture, $"{reference.Year:D4}-{reference.Month:D2}"),
                ["referenceBasis"] = e.TookEffect ? "the month the measure took effect (inForce)" : "the month it was announced (it never took effect)",
                ["reporter"] = reporter.Iso3,
                ["partner"] = partnerText,
                ["partnerCode"] = partnerCode,
                ["mineral"] = mineral.Id,
                ["mineralInEvent"] = e.Minerals.Any(PolicyEvents.Related(data, mineral.Id).Contains),
                ["flow"] = flow,
                ["flowBasis"] = flowBasis,
                ["hsCodes"] = codes,
                ["hsBasis"] = hsBasis,
                ["hsMappingPartial"] = e.HsCodes.Where(h => codes.Contains(h.Hs6) && h.Mapping == PolicyHsCode.Partial).Select(h => h.Hs6).ToList(),
                ["months"] = months,
                ["change"] = ImpactChange.Between(Get(EventStudy.Before), Get(EventStudy.After)),
                ["baselineChange"] = ImpactChange.Between(Get(EventStudy.BaselineBefore), Get(EventStudy.BaselineAfter)),
                ["yearOnYearChange"] = ImpactChange.Between(Get(EventStudy.BaselineAfter), Get(EventStudy.After)),
                ["monthly"] = monthly,
                ["containsSample"] = rows.Any(r => r.IsSample),
                ["source"] = "Monthly UN Comtrade rows of TradeFlows (the rows GET /api/trade serves; month 00, the annual figure, is not used). Value USD; net weight kg; unit value = value / weight over rows with a weight. A month without rows is listed in missingMonths, never counted as zero; changes compare means per month with data. A partial HS mapping (hsMappingPartial) means the series also holds goods the measure does not control.",
            };
            var csv = new CsvTable<ImpactWindow>(
                ["event_id", "reporter", "partner", "mineral", "flow", "hs_codes", "window", "from", "to", "months", "months_with_data", "missing_months",
                 "rows", "value_usd", "net_weight_kg", "unit_value_usd_per_kg", "value_usd_per_month", "net_weight_kg_per_month", "is_sample"],
                w => [e.Id, reporter.Iso3, partnerText, mineral.Id, flow, CsvCells.List(codes), w.Window, w.From, w.To, CsvCells.Number(w.Months),
                      CsvCells.Number(w.MonthsWithData), CsvCells.List(w.MissingMonths), CsvCells.Number(w.Rows), CsvCells.Number(w.ValueUsd),
                      CsvCells.Number(w.NetWeightKg), CsvCells.Number(w.UnitValueUsdPerKg), CsvCells.Number(w.ValueUsdPerMonth),
                      CsvCells.Number(w.NetWeightKgPerMonth), CsvCells.Bool(w.IsSample)]);
            return ApiResponses.List(query, windows, envelope, csv, CachePolicies.Data, "event-impact");
        }, DataSets.Trade);
}
