namespace Feeds.Core.Http;

/// <summary>
/// Route templates (relative to <c>/api</c>), used by the Functions app's triggers and by the local host alike;
/// a test checks that both hosts serve exactly this set.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Minerals = "minerals";
    public const string Mineral = "minerals/{id}";
    public const string Countries = "countries";
    public const string Trade = "trade";
    public const string TradePartners = "trade/partners";
    public const string Reserves = "reserves";
    public const string Indicators = "indicators";
    public const string Sourcing = "sourcing";
    public const string Events = "events";
    public const string Snapshots = "snapshots";
    public const string SnapshotsLatest = "snapshots/latest";
    public const string SnapshotsLatestLinks = "snapshots/latest/links";
    public const string Health = "health";
    public const string Feeds = "feeds";
    public const string FeedQuarantine = "feeds/{feed}/quarantine";
    public const string OpenApi = "openapi.json";
}
