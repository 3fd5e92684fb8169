using System.Text.Json.Serialization;

namespace Feeds.Core.Storage;

/// <summary>
/// One normalized world production, capacity or reserves value of an MCS edition: keys (mineral, edition, measure,
/// product, year, country), the stage USGS names (mine, refinery, smelter, plant, sponge, primary), the value in
/// metric tons (a range's high end beside it), and the value, unit and basis as published, with its qualifier,
/// rounding, what the figure covers when USGS qualifies a country's figure, the correction applied (a unit label
/// or a published revision), notes and where it was read.
/// </summary>
/// <remarks>Also the item of <c>GET /api/reserves</c>, with its share of the group and rank set there; the mineral,
/// commodity, normalized unit, published type and source position are internal.</remarks>
public sealed record ReservesRow(
    [property: JsonIgnore] string MineralId,
    [property: JsonIgnore] string Commodity,
    string Edition,
    string Measure,
    string? Stage,
    string Product,
    int Year,
    [property: JsonIgnore] UsgsCountry Country,
    string CountryPublished,
    double? ValueTons,
    double? ValueTonsHigh,
    string Qualifier,
    bool Estimated,
    bool Rounded,
    string ValuePublished,
    string UnitPublished,
    [property: JsonIgnore] string Unit,
    string? UnitCorrection,
    string? Correction,
    string? Basis,
    string? Coverage,
    [property: JsonIgnore] string TypePublished,
    string? Notes,
    bool ValueFromNotes,
    string? WorldTotalExcludes,
    string SourceFile,
    [property: JsonIgnore] int SourceLine,
    [property: JsonIgnore] string Column)
{
    public string CountryKey => Country.Key;

    public string? Iso3 => Country.Iso3;

    /// <summary>The country's catalog name (or the aggregate's).</summary>
    [JsonPropertyName("country")]
    public string CountryName => Country.Name;

    public bool IsAggregate => Country.IsAggregate;

    /// <summary>The value over its group's denominator (<see cref="ShareBasis"/>), set where the API ranks a group.</summary>
    public double? ShareOfWorld { get; init; }

    /// <summary>Rank among the group's named countries with an exact or estimated value, ties sharing a rank.</summary>
    public int? Rank { get; init; }

    /// <summary>What <see cref="ShareOfWorld"/> is over: the published World total or the sum of the rows.</summary>
    public string? ShareBasis { get; init; }

    /// <summary>Always false: USGS figures are real data, and every item says so like the rows of other routes.</summary>
    public bool IsSample { get; }
}
