namespace Feeds.Core.Trade;

/// <summary>
/// One country of <c>GET /api/trade/coverage</c>: whether the trade feed pulls its own declarations
/// (<c>reported</c>, a Comtrade reporter) and its partners' declarations of trade with it (<c>mirror</c>).
/// </summary>
public sealed record TradeCoverageItem(string Reporter, IReadOnlyList<string> Sources, IReadOnlyList<string> Frequencies, bool IsSample);
