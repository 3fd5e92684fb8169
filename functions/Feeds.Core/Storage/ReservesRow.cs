namespace Feeds.Core.Storage;

/// <summary>
/// One normalized world production, capacity or reserves value of an MCS edition: keys (mineral, edition, measure,
/// product, year, country), the stage USGS names (mine, refinery, smelter, plant, sponge, primary), the value in
/// metric tons (a range's high end beside it), and the value, unit and basis as published, with its qualifier,
/// rounding, what the figure covers when USGS qualifies a country's figure, the correction applied (a unit label
/// or a published revision), notes and where it was read.
/// </summary>
public sealed record ReservesRow(
    string MineralId,
    string Commodity,
    string Edition,
    string Measure,
    string? Stage,
    string Product,
    int Year,
    UsgsCountry Country,
    string CountryPublished,
    double? ValueTons,
    double? ValueTonsHigh,
    string Qualifier,
    bool Estimated,
    bool Rounded,
    string ValuePublished,
    string UnitPublished,
    string Unit,
    string? UnitCorrection,
    string? Correction,
    string? Basis,
    string? Coverage,
    string TypePublished,
    string? Notes,
    bool ValueFromNotes,
    string? WorldTotalExcludes,
    string SourceFile,
    int SourceLine,
    string Column);
