namespace Feeds.Core.Trade;

/// <summary>An HS code a trade answer used or left out, and why.</summary>
public sealed record HsCodeUse(string Code, bool Shared, bool Used, string? Reason);
