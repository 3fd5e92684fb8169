namespace Feeds.Core.Indicators;

/// <summary>
/// Concentration of one USGS measure (reserves or production) of a mineral in a year and edition: HHI over named
/// countries with a value (0–10,000), top-3 share, China's share, the "Other countries" share reported as
/// unattributed, and the reporter's own value and share. Shares are over the published World total when there is
/// one (<see cref="ShareBasis"/> says which). Withheld and bounded values are left out of the sums and flagged. USGS data is all real (no sample flag).
/// </summary>
public sealed record SupplyFigures(
    string Edition,
    string Measure,
    string Product,
    int Year,
    string? Basis,
    double? WorldTons,
    string? ShareBasis,
    string? WorldTotalExcludes,
    double? Hhi,
    double? Top3SharePercent,
    IReadOnlyList<string> Top3,
    double? ChinaSharePercent,
    double? UnattributedSharePercent,
    int NamedCountries,
    string? Reporter,
    double? ReporterTons,
    string? ReporterQualifier,
    double? ReporterSharePercent,
    bool DependsOnBounded,
    bool DependsOnWithheld);
