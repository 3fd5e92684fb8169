namespace Feeds.Core.Pipeline;

/// <summary>A feed's freshness: its last run, its last success, and whether that is older than it may be.</summary>
public sealed record FeedFreshnessStatus(string Feed, FeedRunRecord? LastRun, DateTimeOffset? LastSuccess, TimeSpan MaxAge, bool Stale);
