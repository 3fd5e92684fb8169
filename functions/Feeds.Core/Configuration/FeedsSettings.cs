namespace Feeds.Core.Configuration;

/// <summary>
/// The configuration keys the code names directly (messages, the local host's defaults, the tests). The full table,
/// with defaults and descriptions, is derived from the options classes themselves: <see cref="FeedsSettingsTable"/>.
/// </summary>
public static class FeedsSettings
{
    public const string StorageConnection = "FeedsStorage";
    public const string TablePrefix = "Feeds:Storage:TablePrefix";
    public const string CatalogSchedule = "Feeds:Schedules:Catalog";
    public const string UsgsSchedule = "Feeds:Schedules:Usgs";
    public const string SourcesOffline = "Feeds:Sources:Offline";
    public const string ComtradeBaseUrl = "Feeds:Comtrade:BaseUrl";
    public const string ComtradeSubscriptionKey = "Feeds:Comtrade:SubscriptionKey";
    public const string ComtradeFromYear = "Feeds:Comtrade:FromYear";
    public const string ComtradeToYear = "Feeds:Comtrade:ToYear";
    public const string ComtradeRequestsPerSecond = "Feeds:Comtrade:RequestsPerSecond";
    public const string ComtradeDailyCallQuota = "Feeds:Comtrade:DailyCallQuota";
    public const string UsgsUrls = "Feeds:Usgs:Urls";
    public const string SnapshotsContainer = "Feeds:Snapshots:Container";
    public const string SnapshotsKeep = "Feeds:Snapshots:Keep";

    /// <summary>The connection setting is read by the storage client factory, not bound to an options class.</summary>
    public static SettingDefinition Connection { get; } = new(StorageConnection, "UseDevelopmentStorage=true",
        "Storage for the feed tables and snapshots: a connection string, or (in Azure) the identity-based keys " +
        "FeedsStorage__tableServiceUri, FeedsStorage__blobServiceUri, FeedsStorage__credential, FeedsStorage__clientId.");
}
