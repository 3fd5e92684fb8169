namespace Feeds.Core.Indicators;

/// <summary>
/// Import dependence of one (reporter, mineral, year): value over partner rows (World excluded) with the reported
/// World total and the gap; top source, China's share, HHI (0–10,000), number of sources, the shares from US
/// free-trade partners (and as if India had the proposed critical-minerals agreement) and from MSP members, and the
/// change against the previous year. Percentages are 0–100.
/// </summary>
public sealed record TradeFigures(
    string Flow,
    IReadOnlyList<string> HsCodes,
    double ImportValueUsd,
    double? WorldTotalUsd,
    double? GapUsd,
    string? TopSource,
    string? TopSourceName,
    double? TopSourceSharePercent,
    double? ChinaSharePercent,
    double? Hhi,
    int SourceCount,
    double? UsftaSharePercent,
    double? UsftaScenarioSharePercent,
    double? MspSharePercent,
    double? PreviousYearValueUsd,
    double? ChangePercent,
    bool IsSample);
