using Azure.Core;
using Azure.Storage.Queues;

namespace Feeds.Core.Storage;

/// <summary>Registers the storage clients (one each per process: the Azure SDK clients are thread-safe) and the tables.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddFeedsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FeedsStorageOptions>(configuration, FeedsStorageOptions.Section, o => o.Problems());

        // Retries are short: a dashboard request should fail fast with a 503 rather than hang while storage is down.
        services.TryAddSingleton(_ => StorageClientFactory.CreateTableServiceClient(configuration, new TableClientOptions
        {
            Retry = { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), Mode = RetryMode.Exponential },
        }));
        services.TryAddSingleton(_ => StorageClientFactory.CreateBlobServiceClient(configuration));
        // Base64 messages: what the Functions queue trigger decodes by default (host.json messageEncoding).
        services.TryAddSingleton(_ => StorageClientFactory.CreateQueueServiceClient(configuration, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.TryAddSingleton<FeedTables>();
        services.TryAddSingleton<ReservesStore>();
        services.TryAddSingleton<SalientStore>();
        return services;
    }
}
