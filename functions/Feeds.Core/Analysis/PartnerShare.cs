namespace Feeds.Core.Analysis;

/// <summary>
/// One partner of <c>GET /api/trade/partners</c>: its value over the mineral's codes, share (percent) and rank;
/// <see cref="FromMonths"/> when (some of) its annual value is the sum of twelve reported months, the annual figure
/// being absent.
/// </summary>
public sealed record PartnerShare(
    int Rank,
    int PartnerCode,
    string? Partner,
    string PartnerName,
    double ValueUsd,
    double SharePercent,
    IReadOnlyList<string> Hs6,
    bool IsSample,
    bool FromMonths = false);
