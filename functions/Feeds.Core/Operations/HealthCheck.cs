namespace Feeds.Core.Operations;

/// <summary>One line of <c>GET /api/health</c>.</summary>
public sealed record HealthCheck(string Name, string Status, string Detail, DateTimeOffset? LastSuccess);
