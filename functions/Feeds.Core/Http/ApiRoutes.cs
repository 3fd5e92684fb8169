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
}
