using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;

namespace Feeds.Core.Http;

/// <summary>Registers the shared query plumbing: the handler, the response cache and its version check.</summary>
public static class ResponseCacheServiceCollectionExtensions
{
    public static IServiceCollection AddApiPlumbing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ResponseCacheOptions>(configuration, ResponseCacheOptions.Section, o => o.Problems());
        // The memory cache under HybridCache enforces the limit: entries count their serialized size.
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<ResponseCacheOptions>>((memory, cache) =>
        {
            memory.SizeLimit = cache.Value.SizeLimitBytes;
            memory.TrackStatistics = true;
        });
        services.AddHybridCache().AddSerializer<ApiResult, ApiResultSerializer>();
        services.AddOptions<HybridCacheOptions>().Configure<IOptions<ResponseCacheOptions>>((hybrid, cache) =>
        {
            // One entry may take a quarter of the cache; the longest request target fits in a key.
            hybrid.MaximumPayloadBytes = Math.Min(cache.Value.SizeLimitBytes / 4, int.MaxValue);
            hybrid.MaximumKeyLength = 2 * ApiHandler.MaxTargetLength;
        });
        services.TryAddSingleton<DataVersions>();
        services.TryAddSingleton<ResponseCache>();
        services.TryAddSingleton<ApiHandler>();
        services.AddHostedService<DataVersionCheck>();
        return services;
    }
}
