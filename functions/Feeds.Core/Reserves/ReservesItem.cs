namespace Feeds.Core.Reserves;

/// <summary>
/// An item of <c>GET /api/reserves</c>: one country's (or aggregate's) value for a measure, product and year, with
/// its share of the world total and its rank among named countries, and everything USGS said about it (published
/// value and unit, qualifier, rounding, basis, what a country's figure covers, the correction applied).
/// </summary>
public sealed record ReservesItem(
    string Edition,
    string Measure,
    string? Stage,
    string Product,
    int Year,
    string CountryKey,
    string? Iso3,
    string Country,
    string CountryPublished,
    bool IsAggregate,
    double? ValueTons,
    double? ValueTonsHigh,
    string Qualifier,
    bool Estimated,
    bool Rounded,
    string ValuePublished,
    string UnitPublished,
    string? UnitCorrection,
    string? Correction,
    string? Basis,
    string? Coverage,
    double? ShareOfWorld,
    int? Rank,
    string? ShareBasis,
    string? WorldTotalExcludes,
    string? Notes,
    bool ValueFromNotes,
    string SourceFile,
    bool IsSample);
