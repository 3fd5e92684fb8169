using Feeds.Core.Analysis;

namespace Feeds.Core.Trade;

/// <summary>Pairs a reporter's figures with its partners' mirror figures, partner by partner (World rows left out).</summary>
public static class TradeReconciliation
{
    public static IReadOnlyList<TradeReconciliationItem> Compare(
        IReadOnlyList<TradeRow> reported,
        IReadOnlySet<(int PartnerCode, string Hs6, string Flow)> reportedFromMonths,
        IReadOnlyList<TradeRow> mirror,
        IReadOnlySet<(int PartnerCode, string Hs6, string Flow)> mirrorFromMonths,
        string flow)
    {
        var reportedBasis = flow == "M" ? "CIF" : "FOB";
        var mirrorBasis = flow == "M" ? "FOB" : "CIF";
        var ours = reported.Where(r => !r.IsWorld).ToLookup(r => r.PartnerCode);
        var theirs = mirror.ToLookup(r => r.PartnerCode);
        return [.. ours.Select(g => g.Key).Union(theirs.Select(g => g.Key)).Select(code =>
            {
                var a = ours[code].ToList();
                var b = theirs[code].ToList();
                var first = a.Concat(b).First();
                double? reportedUsd = a.Count > 0 ? ExactSums.Sum(a.Select(r => r.ValueUsd)) : null;
                double? mirrorUsd = b.Count > 0 ? ExactSums.Sum(b.Select(r => r.ValueUsd)) : null;
                return new TradeReconciliationItem(
                    code, first.PartnerKey, first.PartnerName, reportedUsd, reportedBasis, mirrorUsd, mirrorBasis,
                    reportedUsd - mirrorUsd, mirrorUsd is > 0 && reportedUsd is { } r ? r / mirrorUsd : null,
                    a.Count == 0 ? "reported" : b.Count == 0 ? "mirror" : null,
                    [.. a.Concat(b).Select(x => x.Hs6).Distinct().Order(StringComparer.Ordinal)],
                    a.Any(x => reportedFromMonths.Contains((x.PartnerCode, x.Hs6, x.Flow))) || b.Any(x => mirrorFromMonths.Contains((x.PartnerCode, x.Hs6, x.Flow))),
                    a.Concat(b).Any(x => x.IsSample));
            })
            .OrderByDescending(i => Math.Max(i.ReportedUsd ?? 0, i.MirrorUsd ?? 0)).ThenBy(i => i.PartnerCode)];
    }
}
