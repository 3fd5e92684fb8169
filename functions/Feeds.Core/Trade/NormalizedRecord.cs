namespace Feeds.Core.Trade;

/// <summary>
/// The outcome for one source record: its rows (one per mineral that claims its code), or why it was superseded
/// or quarantined (then with the record's JSON as read). Exactly one of the three applies.
/// </summary>
public sealed record NormalizedRecord(
    ComtradeSlice? Slice,
    IReadOnlyList<TradeRow> Rows,
    string? SupersededBecause,
    string? QuarantineReason,
    string? Raw,
    bool IsOriginalClassification);
