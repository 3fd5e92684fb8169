namespace Feeds.Core.Catalog;

/// <summary>One entry of a published list: the name as published and the catalog mineral it means.</summary>
public sealed record ListEntry(string Name, string Mineral);
