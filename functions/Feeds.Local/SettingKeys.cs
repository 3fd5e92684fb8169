namespace Feeds.Local;

/// <summary>
/// Configuration keys the local host, the tests and the benchmarks set, built from the options classes (a renamed
/// property renames its key here too).
/// </summary>
public static class SettingKeys
{
    public const string StorageConnection = FeedsSettings.StorageConnection,
        TablePrefix = FeedsStorageOptions.Section + ":" + nameof(FeedsStorageOptions.TablePrefix);

    public const string SourcesOffline = SourceOptions.Section + ":" + nameof(SourceOptions.Offline);

    public const string RunsQueueName = FeedRunOptions.Section + ":" + nameof(FeedRunOptions.QueueName),
        LocalWorkers = LocalOptions.Section + ":" + nameof(LocalOptions.Workers);

    public const string CatalogSchedule = ScheduleOptions.Section + ":" + nameof(ScheduleOptions.Catalog),
        UsgsSchedule = ScheduleOptions.Section + ":" + nameof(ScheduleOptions.Usgs);

    public const string ComtradeBaseUrl = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.BaseUrl),
        ComtradeSubscriptionKey = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.SubscriptionKey),
        ComtradeKeyHosts = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.KeyHosts),
        ComtradeFromYear = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.FromYear),
        ComtradeToYear = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.ToYear),
        ComtradeRequestsPerSecond = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.RequestsPerSecond),
        ComtradeDailyCallQuota = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.DailyCallQuota),
        ComtradeReporters = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.Reporters),
        ComtradeFrequencies = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.Frequencies),
        ComtradeMonthlyWindowMonths = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.MonthlyWindowMonths),
        ComtradeMirrorOf = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.MirrorOf),
        ComtradeRunBudget = ComtradeOptions.Section + ":" + nameof(ComtradeOptions.RunBudget);

    public const string UsgsUrls = UsgsOptions.UrlsKey;

    public const string RateLimitPermitsPerMinute = RateLimitOptions.Section + ":" + nameof(RateLimitOptions.PermitsPerMinute),
        RateLimitFrontDoorId = RateLimitOptions.Section + ":" + nameof(RateLimitOptions.FrontDoorId);

    public const string SnapshotsContainer = SnapshotOptions.Section + ":" + nameof(SnapshotOptions.Container),
        SnapshotsKeep = SnapshotOptions.Section + ":" + nameof(SnapshotOptions.Keep);

    public const string ApiCacheSizeLimitMB = ResponseCacheOptions.Section + ":" + nameof(ResponseCacheOptions.SizeLimitMB),
        ApiCacheVersionCheckSeconds = ResponseCacheOptions.Section + ":" + nameof(ResponseCacheOptions.VersionCheckSeconds);
}
