namespace Feeds.Core.Operations;

/// <summary>An item of <c>GET /api/feeds</c>: a feed's freshness and its latest runs, newest first.</summary>
public sealed record FeedSummary(string Feed, string Freshness, DateTimeOffset? LastSuccess, double MaxAgeHours, IReadOnlyList<FeedRunView> Runs);
