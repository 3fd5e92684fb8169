using System.Text.Json.Serialization;

namespace Feeds.Core.Storage;

/// <summary>
/// One normalized trade figure: (reporter, mineral, period, flow, HS code, partner). Stored in <c>TradeFlows</c> under
/// PartitionKey <c>{reporter}-{mineral}</c>, RowKey <c>{year:D4}-{month:D2}-{flow}-{hs6}-{partnerCode:D3}</c> (month 00
/// for annual data). A row under a code several minerals share is written to each of their partitions, flagged.
/// The same record is an item of <c>GET /api/trade</c>.
/// </summary>
public sealed record TradeRow(
    string Reporter,
    [property: JsonIgnore] int ReporterCode,
    string Mineral,
    int Year,
    int Month,
    string Flow,
    string Hs6,
    string HsVintage,
    bool Shared,
    IReadOnlyList<string> SharedWith,
    int PartnerCode,
    [property: JsonPropertyName("partner")] string? PartnerKey,
    string PartnerName,
    double ValueUsd,
    double? CifUsd,
    double? FobUsd,
    double? NetWeightKg,
    bool NetWeightEstimated,
    bool IsSample,
    string Source = TradeRow.ReportedSource)
{
    /// <summary>
    /// <see cref="ReportedSource"/>: as the reporter reports its own trade. <see cref="MirrorSource"/>: the reporter's
    /// trade as its counterparts report it (the partner is the reporting country, the flow seen from the other side).
    /// </summary>
    public const string ReportedSource = "reported", MirrorSource = "mirror";

    [JsonIgnore]
    public bool IsMirror => Source == MirrorSource;

    public bool IsWorld => PartnerCode == 0;

    /// <summary>USD per kg where both are known.</summary>
    public double? UnitValueUsdPerKg => NetWeightKg is > 0 ? ValueUsd / NetWeightKg : null;

    [JsonIgnore]
    public string PartitionKey => TableKeys.Require(PartitionOf(Reporter, Mineral, IsMirror), "a trade partition");

    /// <summary>Reported rows under <c>{reporter}-{mineral}</c>, mirror rows beside them under <c>{reporter}-{mineral}-mirror</c>.</summary>
    public static string PartitionOf(string reporter, string mineral, bool mirror) => $"{reporter}-{mineral}{(mirror ? "-mirror" : "")}";

    [JsonIgnore]
    public string RowKey => TableKeys.Require(
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Flow}-{Hs6}-{PartnerCode:D3}"), "a trade row key");

    /// <summary>The business columns in a fixed order, for content hashes (no run id, no retrieval time).</summary>
    public string Canonical() => string.Join('|',
        PartitionKey, RowKey, HsVintage, Shared, string.Join(';', SharedWith), PartnerKey, PartnerName,
        ValueUsd.ToString("R", CultureInfo.InvariantCulture), CifUsd?.ToString("R", CultureInfo.InvariantCulture),
        FobUsd?.ToString("R", CultureInfo.InvariantCulture), NetWeightKg?.ToString("R", CultureInfo.InvariantCulture),
        NetWeightEstimated, IsSample, Source);
}
