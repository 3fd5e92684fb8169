namespace Feeds.Core.Catalog;

/// <summary>A mineral's entry on a list, with the name as that list publishes it.</summary>
public sealed record Designation(string List, string Name);
