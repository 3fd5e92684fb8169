namespace Feeds.Core.Reserves;

/// <summary>
/// An item of <c>GET /api/reserves/series</c>: one year's figure for a mineral, country, measure and product, and the
/// edition it comes from. By default the newest edition's figure for each year; with <c>editions=all</c> every
/// edition's, so a revision shows (<see cref="Newest"/> marks the figure the default view serves).
/// </summary>
public sealed record ReservesSeriesItem(
    int Year,
    string Edition,
    bool Newest,
    string Measure,
    string? Stage,
    string Product,
    string CountryKey,
    string Country,
    double? ValueTons,
    double? ValueTonsHigh,
    string Qualifier,
    bool Estimated,
    string ValuePublished,
    string UnitPublished,
    string? UnitCorrection,
    string? Correction,
    string? Basis,
    string SourceFile,
    bool IsSample);
