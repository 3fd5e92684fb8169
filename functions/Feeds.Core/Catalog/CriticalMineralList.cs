namespace Feeds.Core.Catalog;

/// <summary>A government's critical-mineral list, entries as published.</summary>
public sealed record CriticalMineralList(
    string Id,
    string Country,
    string Title,
    string Publisher,
    string Published,
    string Source,
    IReadOnlyList<ListEntry> Entries);
