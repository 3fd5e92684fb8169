namespace Feeds.Core.Catalog;

/// <summary>The shape of data/events/events.json.</summary>
public sealed record PolicyEventFile(IReadOnlyList<PolicyEvent>? Events);
