namespace Feeds.Core.Trade;

/// <summary>
/// <c>GET /api/trade/coverage</c>: what the trade feed pulls, from its settings (<c>Feeds:Comtrade</c>) — the countries
/// with their sources (reported, mirror), the frequencies, the years and the months — so a client asks the API for
/// the window instead of assuming one. No table is read: a year Comtrade has not published yet is listed and has no rows.
/// </summary>
public sealed class TradeCoverageApi(IOptions<ComtradeOptions> options, TimeProvider time, ApiHandler handler)
{
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], query =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var settings = options.Value;
            var now = time.GetUtcNow();
            var (from, to) = settings.Years(now);
            var months = settings.Months(now);
            var frequencies = settings.FrequencyList;
            var items = settings.ReporterList.Union(settings.MirrorList, StringComparer.Ordinal)
                .Select(iso3 => new TradeCoverageItem(iso3, Sources(settings, iso3), frequencies, false))
                .ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["fromYear"] = from,
                ["toYear"] = to,
                ["years"] = Enumerable.Range(from, to - from + 1).ToList(),
                ["frequencies"] = frequencies,
                ["firstMonth"] = frequencies.Contains("M") && months.Count > 0 ? Month(months[0]) : null,
                ["lastMonth"] = frequencies.Contains("M") && months.Count > 0 ? Month(months[^1]) : null,
                ["isSample"] = false,
                ["basis"] = "What the trade feed pulls (Feeds:Comtrade: Reporters, MirrorOf, Frequencies, FromYear/ToYear, MonthlyWindowMonths), "
                    + "not what Comtrade has published: a listed year or month may have no rows yet. reported: the country's own declarations; "
                    + "mirror: its partners' declarations of trade with it (source=mirror). Months run from firstMonth to lastMonth "
                    + "(the recent window and any FromYear-ToYear backfill).",
            };
            var csv = new CsvTable<TradeCoverageItem>(
                ["reporter", "sources", "frequencies", "from_year", "to_year", "is_sample"],
                i => [i.Reporter, CsvCells.List(i.Sources), CsvCells.List(i.Frequencies), CsvCells.Number(from), CsvCells.Number(to), CsvCells.Bool(i.IsSample)]);
            return Task.FromResult<IResult>(ApiResponses.List(query, items, envelope, csv, CachePolicies.Data, "trade-coverage"));
        }, DataSets.CatalogOnly);

    private static List<string> Sources(ComtradeOptions settings, string iso3)
    {
        List<string> sources = [];
        if (settings.ReporterList.Contains(iso3))
        {
            sources.Add(TradeRow.ReportedSource);
        }

        if (settings.MirrorList.Contains(iso3))
        {
            sources.Add(TradeRow.MirrorSource);
        }

        return sources;
    }

    private static string Month(int yyyymm) => string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:D4}-{yyyymm % 100:D2}");
}
