namespace Feeds.Core.Trade;

/// <summary>
/// One partner of <c>GET /api/trade/reconciliation</c>: the reporter's figure for its trade with the partner, the
/// partner's figure for the same trade (the mirror), their gap and ratio, each side's valuation basis, and which side
/// is missing (<c>reported</c>, <c>mirror</c> or null).
/// </summary>
public sealed record TradeReconciliationItem(
    int PartnerCode,
    string? Partner,
    string PartnerName,
    double? ReportedUsd,
    string ReportedBasis,
    double? MirrorUsd,
    string MirrorBasis,
    double? GapUsd,
    double? Ratio,
    string? Missing,
    IReadOnlyList<string> Hs6,
    bool FromMonths,
    bool IsSample);
