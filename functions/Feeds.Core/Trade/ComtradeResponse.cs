namespace Feeds.Core.Trade;

/// <summary>What the envelope said besides the records: the declared count, the error text, and how many records came.</summary>
public sealed record ComtradeResponse(int? DeclaredCount, string? Error, int Records);
