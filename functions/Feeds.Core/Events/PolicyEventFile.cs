namespace Feeds.Core.Events;

/// <summary>The shape of data/events/events.json.</summary>
public sealed record PolicyEventFile(IReadOnlyList<PolicyEvent>? Events);
