using Microsoft.Extensions.Http.Resilience;

namespace Feeds.Core.Reserves;

/// <summary>Registers the usgs feed, its HTTP source (replayed offline) and the reserves and salient query services.</summary>
public static class ReservesServiceCollectionExtensions
{
    public static IServiceCollection AddReserves(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<UsgsOptions>(configuration, UsgsOptions.Section, o => o.Problems());
        services.TryAddSingleton(_ => UsgsManifest.Load());
        services.TryAddSingleton<UsgsSource>();
        services.TryAddSingleton<ReservesApi>();
        services.TryAddSingleton<SalientApi>();
        services.AddSingleton<IFeedRunner, UsgsFeed>();

        // An explicitly configured URL list is always fetched as given (a mirror, a test's stand-in server); the
        // bundled files are replayed only for the default URLs, and only when sources are offline.
        var urlsSet = !string.IsNullOrWhiteSpace(configuration[UsgsOptions.UrlsKey]);
        services.AddHttpClient(UsgsSource.ClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Feeds/1.0 (critical-minerals data feed)");
                // The resilience pipeline's timeouts govern; the client's own would cut a slow download short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
                provider.GetRequiredService<IOptions<SourceOptions>>().Value.Offline && !urlsSet
                    ? new UsgsReplayHandler(provider.GetRequiredService<UsgsManifest>())
                    : new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
            // Five Information lines per request drown the run's progress; failures are logged by UsgsSource / UsgsFeed,
            // and Polly still logs retries and breaker changes as warnings.
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(ConfigureResilience);
        services.Configure<LoggerFilterOptions>(options => options.AddFilter("Polly", LogLevel.Warning));
        return services;
    }

    /// <summary>
    /// The standard pipeline (rate limiter, total timeout, retries with jitter that honour Retry-After, circuit
    /// breaker, attempt timeout) with room for downloading a data-release ZIP.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(4);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
    }
}
