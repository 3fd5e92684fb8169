using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// <c>GET /api/salient?mineral=[&amp;edition=]</c>: USGS's US salient statistics of a mineral as data — net import
/// reliance by year (bounds kept as bounds, <c>E</c> as "net exporter"), the major import sources (period, product,
/// partner with ISO3, percent or rank) and the other salient statistics (production, imports, exports, consumption,
/// prices …), every edition unless <c>edition</c> is given. One single-partition query (PartitionKey = mineral) of the
/// <c>Salient</c> table. Ordered: net import reliance first, then import sources, then the rest; newest edition first.
/// </summary>
public sealed class SalientApi(CatalogService catalog, SalientStore store, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral", "edition"], async query =>
        {
            var mineralId = query.MineralId("mineral") ?? throw ApiException.BadParameter("mineral", "'mineral' is required.");
            var edition = query.Edition("edition");
            var data = await catalog.GetServedAsync(cancellationToken).ConfigureAwait(false);
            var mineral = data.Mineral(mineralId)
                ?? throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");

            // The whole partition (every edition), so the answer lists the editions stored and an edition that holds
            // nothing for this mineral is a 400 naming what does, not an empty success.
            var all = await store.ReadAsync(mineral.Id, null, cancellationToken).ConfigureAwait(false);
            var editions = all.Select(r => r.Edition).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
            if (edition is not null && !editions.Contains(edition))
            {
                throw ApiException.BadParameter("edition", editions.Count == 0
                    ? $"No USGS edition holds salient statistics for {mineral.Id}."
                    : $"{edition} holds no {mineral.Id} salient statistics; editions stored for it: {string.Join(", ", editions)}.");
            }

            var rows = edition is null ? all : all.Where(r => r.Edition == edition).ToList();
            var items = rows
                .OrderBy(r => r.Statistic == SalientRow.NetImportReliance ? 0 : r.Kind == SalientRow.ImportSourceKind ? 1 : 2)
                .ThenByDescending(r => r.Edition, StringComparer.Ordinal).ThenBy(r => r.Statistic, StringComparer.Ordinal)
                .ThenBy(r => r.Product, StringComparer.Ordinal).ThenBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => r.Year)
                .ThenBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Value ?? double.MinValue)
                .ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineral.Id,
                ["mineralName"] = mineral.Name,
                ["edition"] = edition,
                ["editions"] = editions,
                ["isSample"] = false,
                ["source"] = "USGS Mineral Commodity Summaries (public domain): per-commodity salient files, the T5 table, Fig2 net import reliance, and the MCS 2026 sections \"Salient Statistics—United States\" and \"Import Sources\". Values in the unit as published.",
            };
            var csv = new CsvTable<SalientRow>(
                ["edition", "kind", "statistic", "label", "product", "period", "year", "partner_key", "partner_iso3", "partner", "partner_published", "value", "value_high",
                 "qualifier", "value_published", "unit", "estimated", "rank", "notes", "correction", "commodity", "source_file", "source_line", "is_sample"],
                i => [i.Edition, i.Kind, i.Statistic, i.Label, i.Product, i.Period, CsvCells.Number(i.Year), i.PartnerKey, i.PartnerIso3, i.PartnerName, i.PartnerPublished,
                      CsvCells.Number(i.Value), CsvCells.Number(i.ValueHigh), i.Qualifier, i.ValuePublished, i.Unit, CsvCells.Bool(i.Estimated), CsvCells.Number(i.Rank),
                      i.Notes, i.Correction, i.Commodity, i.SourceFile, CsvCells.Number(i.SourceLine), CsvCells.Bool(i.IsSample)]);
            return ApiResponses.List(query, items, envelope, csv, CachePolicies.Data, "salient");
        }, DataSets.Reserves);
}
