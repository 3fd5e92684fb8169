namespace Feeds.Core.Http;

/// <summary>
/// Route templates (relative to <c>/api</c>), used by the Functions app's triggers and by the local host alike;
/// a test checks that both hosts serve exactly this set. One line per slice.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Minerals = "minerals", Mineral = "minerals/{id}", Countries = "countries";
    public const string Trade = "trade", TradePartners = "trade/partners", TradeReconciliation = "trade/reconciliation", TradeCoverage = "trade/coverage";
    public const string Reserves = "reserves", ReservesSeries = "reserves/series", Salient = "salient";
    public const string Indicators = "indicators", Sourcing = "sourcing";
    public const string Events = "events", EventImpact = "events/{id}/impact";
    public const string Snapshots = "snapshots", SnapshotsLatest = "snapshots/latest", SnapshotsLatestLinks = "snapshots/latest/links";
    public const string Health = "health", Feeds = "feeds", FeedQuarantine = "feeds/{feed}/quarantine", OpenApi = "openapi.json";
    public const string FeedRuns = "feeds/{feed}/runs", FeedRun = "feeds/{feed}/runs/{runId}";

    /// <summary>
    /// The anonymous routes that read storage on every call, and so the ones the in-app rate limiter counts. Catalog
    /// routes and the OpenAPI document answer from memory; the keyed routes are behind a function key.
    /// </summary>
    public static IReadOnlyList<string> ReadStorage { get; } =
        [Trade, TradePartners, TradeReconciliation, TradeCoverage, Reserves, ReservesSeries, Salient, Indicators, Sourcing, EventImpact, Snapshots, SnapshotsLatest, Health, Feeds];

    /// <summary>Whether a request path (<c>/api/…</c>) is one of <see cref="ReadStorage"/>; a <c>{…}</c> segment matches any one segment.</summary>
    public static bool IsReadStorage(PathString path)
    {
        if (!path.StartsWithSegments("/" + Prefix, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return false;
        }

        var segments = rest.Value!.Trim('/').Split('/');
        return ReadStorage.Any(template =>
        {
            var parts = template.Split('/');
            return parts.Length == segments.Length && parts.Zip(segments).All(p =>
                p.First.StartsWith('{') ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
        });
    }
}
