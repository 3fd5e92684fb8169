namespace Feeds.Core.Catalog;

/// <summary>A Comtrade partner area with no ISO3 (World, "Other Asia, nes", bunkers, free zones, "Areas, nes").</summary>
public sealed record TradeArea(int ComtradeCode, string Key, string Name, string? Note);
