namespace Feeds.Core.Catalog;

/// <summary>Why an item is on a list: the entries, as published, that put it there.</summary>
public sealed record ListMatch(string List, IReadOnlyList<string> As);
