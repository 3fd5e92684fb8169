namespace Feeds.Core.Analysis;

/// <summary>
/// Partner shares of one (reporter, mineral, flow, year): shares are over partner rows (World excluded), with the
/// reported World total and the gap between it and the partner sum shown; HHI on the 0–10,000 scale.
/// </summary>
public sealed record PartnerShareResult(
    IReadOnlyList<PartnerShare> Partners,
    double PartnerSumUsd,
    double? WorldTotalUsd,
    double? GapUsd,
    double? ChinaSharePercent,
    double? Hhi,
    int PartnerCount,
    bool ContainsSample);
