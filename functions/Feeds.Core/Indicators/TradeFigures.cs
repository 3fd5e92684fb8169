namespace Feeds.Core.Indicators;

/// <summary>
/// Import dependence of one (reporter, mineral, year): value over partner rows (World excluded) with the reported
/// World total and the gap; top source, China's share, HHI (0–10,000), number of sources, the shares from US
/// free-trade partners (and as if India had the proposed critical-minerals agreement) and from MSP members, and the
/// change against the previous year. Percentages are 0–100. Memberships are those of <see cref="MembershipsOn"/> (1 July
/// of the year); <see cref="UsftaShareBasis"/> says whether the US-FTA share is the IRA clean-vehicle credit's
/// critical-mineral test (<c>ira-30d-test</c>, years it applied: 2023–2025) or only a grouping (<c>us-fta-grouping</c>);
/// the MSP share is null for a year the MSP did not exist on that day.
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
    bool IsSample,
    string? UsftaShareBasis = null,
    DateOnly? MembershipsOn = null)
{
    public const string IraTestBasis = "ira-30d-test", GroupingBasis = "us-fta-grouping";
}
