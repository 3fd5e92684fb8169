namespace Feeds.Core.Reserves;

/// <summary>
/// An item of <c>GET /api/reserves</c>: one country's (or aggregate's) value for a measure, product and year, with
/// its share of the world total and its rank among named countries.
/// </summary>
public sealed record ReservesItem(
    string Edition,
    string Measure,
    string Product,
    int Year,
    string CountryKey,
    string? Iso3,
    string Country,
    string CountryPublished,
    bool IsAggregate,
    double? ValueTons,
    string Qualifier,
    bool Estimated,
    string ValuePublished,
    string UnitPublished,
    string? UnitCorrection,
    string? Basis,
    double? ShareOfWorld,
    int? Rank,
    string? ShareBasis,
    string? WorldTotalExcludes,
    string? Notes,
    bool ValueFromNotes,
    string SourceFile,
    bool IsSample);
