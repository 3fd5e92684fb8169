namespace Feeds.Core.Trade;

/// <summary>An item of <c>GET /api/trade</c>: one stored trade figure.</summary>
public sealed record TradeItem(
    string Reporter,
    string Mineral,
    int Year,
    int Month,
    string Flow,
    string Hs6,
    string HsVintage,
    bool Shared,
    IReadOnlyList<string> SharedWith,
    int PartnerCode,
    string? Partner,
    string PartnerName,
    bool IsWorld,
    double ValueUsd,
    double? CifUsd,
    double? FobUsd,
    double? NetWeightKg,
    bool NetWeightEstimated,
    double? UnitValueUsdPerKg,
    bool IsSample);
