namespace Feeds.Core.Reserves;

/// <summary>An item of <c>GET /api/salient</c>: one stored salient figure (see <c>SalientRow</c>) and where it was read.</summary>
public sealed record SalientItem(
    string Edition,
    string Kind,
    string Statistic,
    string Label,
    string Product,
    string Period,
    int Year,
    string? PartnerKey,
    string? PartnerIso3,
    string? Partner,
    string? PartnerPublished,
    double? Value,
    double? ValueHigh,
    string Qualifier,
    string ValuePublished,
    string? Unit,
    bool Estimated,
    int? Rank,
    string? Notes,
    string? Correction,
    string Commodity,
    string SourceFile,
    int SourceLine,
    bool IsSample);
