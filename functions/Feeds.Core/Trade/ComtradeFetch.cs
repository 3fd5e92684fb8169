namespace Feeds.Core.Trade;

/// <summary>A complete response's records, and whether it hit the record cap (then it may be truncated: split, never store).</summary>
public sealed record ComtradeFetch(IReadOnlyList<ComtradeRecord> Records, bool Capped, Uri Url);
