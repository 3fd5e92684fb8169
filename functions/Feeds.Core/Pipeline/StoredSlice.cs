namespace Feeds.Core.Pipeline;

/// <summary>A slice's checkpoint as a run plans with it: the content hash last stored, and when.</summary>
public sealed record StoredSlice(string Hash, DateTimeOffset? StoredAt);
