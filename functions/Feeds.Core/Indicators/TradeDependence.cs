using Feeds.Core.Analysis;

namespace Feeds.Core.Indicators;

/// <summary>Import-dependence arithmetic on top of <see cref="PartnerShares.Compute"/> (the same numbers as /api/trade/partners).</summary>
public static class TradeDependence
{
    public const string India = "IND";

    /// <param name="rows">Annual import rows of one reporter, mineral and year, limited to the codes used (shared codes left out unless asked for).</param>
    /// <param name="previous">The same for the year before (empty when there is none).</param>
    /// <param name="usfta">US free-trade partners in the year (members on the day the caller chose).</param>
    /// <param name="msp">MSP members in the year, or null when the MSP did not exist then (its share is null, not 0).</param>
    public static TradeFigures Compute(
        IReadOnlyList<TradeRow> rows,
        IReadOnlyList<TradeRow> previous,
        IReadOnlyList<string> hsCodes,
        IReadOnlySet<string> usfta,
        IReadOnlySet<string>? msp)
    {
        var result = PartnerShares.Compute(rows);
        var top = result.Partners.FirstOrDefault(p => p.ValueUsd > 0);
        // The scenario adds India to the US free-trade partners for this computation only.
        var scenario = usfta.Contains(India) ? usfta : new HashSet<string>(usfta.Append(India), StringComparer.Ordinal);
        double? previousValue = previous.Count > 0 ? PartnerShares.Compute(previous).PartnerSumUsd : null;
        double? change = previousValue is > 0 ? ExactSums.Percent(result.PartnerSumUsd - previousValue.Value, previousValue.Value) : null;
        return new TradeFigures(
            rows is [var first, ..] ? first.Flow : "M",
            hsCodes,
            result.PartnerSumUsd,
            result.WorldTotalUsd,
            result.GapUsd,
            top?.Partner,
            top?.PartnerName,
            top?.SharePercent,
            result.ChinaSharePercent,
            result.Hhi,
            result.PartnerCount,
            PartnerShares.ShareOf(result, usfta),
            PartnerShares.ShareOf(result, scenario),
            msp is null ? null : PartnerShares.ShareOf(result, msp),
            previousValue,
            change,
            result.ContainsSample || previous.Any(r => r.IsSample));
    }
}
