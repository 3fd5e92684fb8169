namespace Feeds.Core.Analysis;

/// <summary>The concentration arithmetic behind <c>/api/trade/partners</c> (and later the indicators).</summary>
public static class PartnerShares
{
    public const int ChinaComtradeCode = 156;

    /// <param name="rows">Rows of one reporter, mineral, flow and period, already limited to the codes to use.</param>
    /// <param name="fromMonths">Partner figures that are sums of twelve months (<see cref="AnnualFigures"/>).</param>
    public static PartnerShareResult Compute(IReadOnlyList<TradeRow> rows, IReadOnlySet<(int PartnerCode, string Hs6, string Flow)>? fromMonths = null)
    {
        var world = rows.Where(r => r.IsWorld).ToList();
        var partners = rows.Where(r => !r.IsWorld)
            .GroupBy(r => r.PartnerCode)
            .Select(g => (Code: g.Key, First: g.First(), Value: ExactSums.Sum(g.Select(r => r.ValueUsd)), Codes: g.Select(r => r.Hs6).Distinct().Order().ToList(), Sample: g.Any(r => r.IsSample),
                Months: fromMonths is not null && g.Any(r => fromMonths.Contains((r.PartnerCode, r.Hs6, r.Flow)))))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Code)
            .ToList();
        var sum = ExactSums.Sum(partners.Select(p => p.Value));
        double? worldTotal = world.Count > 0 ? ExactSums.Sum(world.Select(r => r.ValueUsd)) : null;

        var exact = partners.Select(p => sum > 0 ? p.Value / sum * 100 : 0).ToList();
        var shares = partners.Select((p, i) => new PartnerShare(
            i + 1, p.Code, p.First.PartnerKey, p.First.PartnerName, p.Value, ExactSums.Percent(exact[i]), p.Codes, p.Sample, p.Months)).ToList();
        double? china = sum > 0 ? shares.FirstOrDefault(s => s.PartnerCode == ChinaComtradeCode)?.SharePercent ?? 0 : null;
        double? hhi = sum > 0 ? ExactSums.Hhi(exact) : null;
        return new PartnerShareResult(
            shares, sum, worldTotal, worldTotal is { } total ? ExactSums.Difference(total, sum) : null, china, hhi, shares.Count(s => s.ValueUsd > 0), rows.Any(r => r.IsSample));
    }

    /// <summary>
    /// The percentage of the partner sum that comes from partners whose ISO3 is in <paramref name="iso3"/> (e.g. the
    /// US free-trade partners); null when there is nothing to share out. Partners without ISO3 (areas) never count.
    /// </summary>
    public static double? ShareOf(PartnerShareResult result, IReadOnlySet<string> iso3) =>
        result.PartnerSumUsd > 0 ? ExactSums.PercentSum(result.Partners.Where(p => p.Partner is { } key && iso3.Contains(key)).Select(p => p.SharePercent)) : null;
}
