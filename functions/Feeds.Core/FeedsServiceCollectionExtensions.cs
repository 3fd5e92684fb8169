using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Storage;
using Feeds.Core.Events;
using Feeds.Core.Pipeline;
using Feeds.Core.Indicators;
using Feeds.Core.Snapshots;
using Feeds.Core.Reserves;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feeds.Core;

/// <summary>Registers everything both hosts (Functions, local) share: storage clients, feeds, query services.</summary>
public static class FeedsServiceCollectionExtensions
{
    public static IServiceCollection AddFeedsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedsStorageOptions>().Bind(configuration.GetSection(FeedsStorageOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        // Azure SDK clients are thread-safe: one each for the process. Retries are short: a dashboard request
        // should fail fast with a 503 rather than hang while storage is down.
        services.TryAddSingleton(_ => StorageClientFactory.CreateTableServiceClient(configuration, new TableClientOptions
        {
            Retry = { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), Mode = RetryMode.Exponential },
        }));
        services.TryAddSingleton(_ => StorageClientFactory.CreateBlobServiceClient(configuration));
        services.TryAddSingleton<FeedTables>();

        services.TryAddSingleton<ICatalogFiles, EmbeddedCatalogFiles>();
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton<PolicyRegister>();
        services.TryAddSingleton<FeedRunStore>();
        services.TryAddSingleton<FeedCheckpointStore>();
        services.TryAddSingleton<QuarantineStore>();
        services.AddOptions<SourceOptions>().Bind(configuration.GetSection(SourceOptions.Section));
        services.AddSingleton<IFeedRunner, CatalogFeed>();
        services.AddComtradeFeed(configuration);
        services.AddUsgsFeed(configuration);
        services.TryAddSingleton<IndicatorsService>();
        services.AddSingleton<IFeedRunObserver>(sp => sp.GetRequiredService<IndicatorsService>());
        services.TryAddSingleton<FeedRunService>();
        services.TryAddSingleton<FeedFreshness>();
        services.AddOptions<SnapshotOptions>().Bind(configuration.GetSection(SnapshotOptions.Section));
        services.TryAddSingleton(new SnapshotTimings());
        services.TryAddSingleton<SnapshotStore>();
        services.TryAddSingleton<SnapshotExporter>();
        services.TryAddSingleton<SnapshotsApi>();

        services.TryAddSingleton<ApiHandler>();
        services.TryAddSingleton<MineralsApi>();
        services.TryAddSingleton<CountriesApi>();
        services.TryAddSingleton<TradeApi>();
        services.TryAddSingleton<HealthApi>();
        services.TryAddSingleton<FeedRunsApi>();
        services.TryAddSingleton<IndicatorsApi>();
        services.TryAddSingleton<SourcingApi>();
        services.TryAddSingleton<EventsApi>();
        services.TryAddSingleton<OpenApiDocument>();
        return services;
    }
}
