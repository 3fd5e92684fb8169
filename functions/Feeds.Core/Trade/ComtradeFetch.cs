namespace Feeds.Core.Trade;

/// <summary>
/// A complete response: how many records it held, whether it hit the record cap (then it may be truncated: split,
/// never store), and its records already normalized.
/// </summary>
public sealed record ComtradeFetch(int Records, bool Capped, Uri Url, IReadOnlyList<NormalizedRecord> Normalized);
