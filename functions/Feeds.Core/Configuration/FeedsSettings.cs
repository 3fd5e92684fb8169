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
    public const string SourcesOffline = "Feeds:Sources:Offline";
    public const string UsgsUrls = "Feeds:Usgs:Urls";
    public const string UsgsSchedule = "Feeds:Schedules:Usgs";

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(StorageConnection, "UseDevelopmentStorage=true",
            "Storage for the feed tables and snapshots: a connection string, or (in Azure) the identity-based keys " +
            "FeedsStorage__tableServiceUri, FeedsStorage__blobServiceUri, FeedsStorage__credential, FeedsStorage__clientId."),
        new(TablePrefix, "",
            "Prefix for every table name, so several deployments or test runs can share one account."),
        new(CatalogSchedule, "0 15 0 * * *",
            "NCRONTAB schedule (UTC) of the catalog feed's timer function."),
        new(SourcesOffline, "false",
            "Replay recorded source payloads (bundled in data/) for feeds whose source URL is left at its default."),
        new(UsgsUrls, "",
            "USGS MCS data-release files (CSV or ZIP), ';'-separated; unset means the URLs in data/usgs/manifest.json."),
        new(UsgsSchedule, "0 0 3 * * 1",
            "NCRONTAB schedule (UTC) of the usgs feed's timer function (weekly)."),
    ];
}
