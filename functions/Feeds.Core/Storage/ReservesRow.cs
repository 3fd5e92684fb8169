namespace Feeds.Core.Storage;

/// <summary>
/// One normalized world production, capacity or reserves value of an MCS edition: keys (mineral, edition, measure,
/// product, year, country), the value in metric tons, and the value, unit and basis as published, with its qualifier,
/// notes and where it was read.
/// </summary>
public sealed record ReservesRow(
    string MineralId,
    string Commodity,
    string Edition,
    string Measure,
    string Product,
    int Year,
    UsgsCountry Country,
    string CountryPublished,
    double? ValueTons,
    string Qualifier,
    bool Estimated,
    string ValuePublished,
    string UnitPublished,
    string Unit,
    string? UnitCorrection,
    string? Basis,
    string TypePublished,
    string? Notes,
    bool ValueFromNotes,
    string? WorldTotalExcludes,
    string SourceFile,
    int SourceLine,
    string Column,
    bool IsSample);
