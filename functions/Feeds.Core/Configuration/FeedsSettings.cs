namespace Feeds.Core.Configuration;

/// <summary>
/// Every setting the code reads, with its default. docs/configuration.md lists the same keys and defaults and a
/// parity test keeps the two (and, later, the Bicep templates) in step.
/// </summary>
public static class FeedsSettings
{
    public const string StorageConnection = "FeedsStorage";
    public const string TablePrefix = "Feeds:Storage:TablePrefix";
    public const string CatalogSchedule = "Feeds:Schedules:Catalog";
    public const string FreshnessSchedule = "Feeds:Schedules:Freshness";
    public const string SourcesOffline = "Feeds:Sources:Offline";
    public const string ComtradeBaseUrl = "Feeds:Comtrade:BaseUrl";
    public const string ComtradeSubscriptionKey = "Feeds:Comtrade:SubscriptionKey";
    public const string ComtradeReporters = "Feeds:Comtrade:Reporters";
    public const string ComtradeFromYear = "Feeds:Comtrade:FromYear";
    public const string ComtradeToYear = "Feeds:Comtrade:ToYear";
    public const string ComtradeRequestsPerSecond = "Feeds:Comtrade:RequestsPerSecond";
    public const string ComtradeDailyCallQuota = "Feeds:Comtrade:DailyCallQuota";
    public const string ComtradeSchedule = "Feeds:Schedules:Comtrade";
    public const string UsgsUrls = "Feeds:Usgs:Urls";
    public const string UsgsSchedule = "Feeds:Schedules:Usgs";
    public const string SnapshotsContainer = "Feeds:Snapshots:Container";
    public const string SnapshotsKeep = "Feeds:Snapshots:Keep";
    public const string SnapshotSchedule = "Feeds:Schedules:Snapshot";

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(StorageConnection, "UseDevelopmentStorage=true",
            "Storage for the feed tables and snapshots: a connection string, or (in Azure) the identity-based keys " +
            "FeedsStorage__tableServiceUri, FeedsStorage__blobServiceUri, FeedsStorage__credential, FeedsStorage__clientId."),
        new(TablePrefix, "",
            "Prefix for every table name, so several deployments or test runs can share one account."),
        new(CatalogSchedule, "0 15 0 * * *",
            "NCRONTAB schedule (UTC) of the catalog feed's timer function."),
        new(FreshnessSchedule, "0 30 * * * *",
            "NCRONTAB schedule (UTC) of the freshness check that logs each feed's freshness (the stale-feed alert reads it)."),
        new(SourcesOffline, "false",
            "Replay recorded source payloads (bundled in data/) for feeds whose source URL is left at its default."),
        new(ComtradeBaseUrl, "https://comtradeapi.un.org", "UN Comtrade API base URL (a mirror or stand-in when set)."),
        new(ComtradeSubscriptionKey, "", "Comtrade subscription key; none: the public preview endpoint (500 records a call)."),
        new(ComtradeReporters, "IND;USA", "Reporter ISO3 codes, ';'-separated."),
        new(ComtradeFromYear, "", "First year pulled; none: four years before ToYear."),
        new(ComtradeToYear, "", "Last year pulled; none: last calendar year."),
        new(ComtradeRequestsPerSecond, "1", "Client-side rate limit for Comtrade calls (requests queue)."),
        new(ComtradeDailyCallQuota, "450", "Comtrade calls this deployment allows itself per UTC day."),
        new(ComtradeSchedule, "0 0 1 * * *", "NCRONTAB schedule (UTC) of the Comtrade feed's timer function."),
        new(UsgsUrls, "",
            "USGS MCS data-release files (CSV or ZIP), ';'-separated; unset means the URLs in data/usgs/manifest.json."),
        new(UsgsSchedule, "0 0 3 * * 1",
            "NCRONTAB schedule (UTC) of the usgs feed's timer function (weekly)."),
        new(SnapshotsContainer, "snapshots", "Blob container of the partner snapshots ({date}/{runId}/ folders and latest.json)."),
        new(SnapshotsKeep, "30", "Complete snapshot run folders kept; older ones are pruned, never the one latest.json names."),
        new(SnapshotSchedule, "0 30 2 * * *", "NCRONTAB schedule (UTC) of the nightly partner snapshot export."),
    ];
}
