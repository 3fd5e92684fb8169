namespace Feeds.Core.Indicators;

/// <summary>
/// A candidate supplier of <c>GET /api/sourcing</c>: its rank and share of world reserves and of production, its
/// memberships (US FTA, MSP, Quad), the buyer's current import share from it, and the reasons for its place.
/// </summary>
public sealed record SourcingCandidate(
    int Rank,
    string Iso3,
    string Name,
    int? ReservesRank,
    double? ReservesTons,
    string? ReservesQualifier,
    double? ReservesSharePercent,
    int? ProductionRank,
    double? ProductionTons,
    string? ProductionQualifier,
    double? ProductionSharePercent,
    IReadOnlyList<string> Memberships,
    double? BuyerImportSharePercent,
    double? BuyerImportValueUsd,
    IReadOnlyList<string> Reasons,
    bool IsSample);
