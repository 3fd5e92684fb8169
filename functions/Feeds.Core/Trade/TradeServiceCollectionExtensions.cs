namespace Feeds.Core.Trade;

/// <summary>Registers the trade slice: Comtrade options, the HTTP client with its resilience pipeline, the feed and the trade routes.</summary>
public static class TradeServiceCollectionExtensions
{
    public static IServiceCollection AddTrade(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ComtradeOptions>(configuration, ComtradeOptions.Section, o => o.Problems());
        services.TryAddSingleton<TradeApi>();
        services.TryAddSingleton<TradeCoverageApi>();
        services.AddOptions<ComtradeResilienceOptions>();
        services.TryAddSingleton<ComtradeQuotaGuard>();
        services.TryAddTransient<ComtradeRateHandler>();

        // A BaseUrl set explicitly (a mirror, a test's stand-in server) is always called; only the default is replayed offline.
        var explicitUrl = !string.IsNullOrEmpty(configuration[$"{ComtradeOptions.Section}:BaseUrl"]);
        var http = services.AddHttpClient<ComtradeClient>(client => client.Timeout = Timeout.InfiniteTimeSpan) // the pipeline times out
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<IOptions<SourceOptions>>().Value.Offline && !explicitUrl
                ? new ComtradeReplayHandler()
                : new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    AutomaticDecompression = System.Net.DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                });
        http.AddResilienceHandler("comtrade", (pipeline, context) => ComtradeResilience.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ComtradeResilienceOptions>>().Value));
        // Added after the pipeline, so inside it: every attempt (retries too) waits for a slot of the rate all instances share.
        http.AddHttpMessageHandler<ComtradeRateHandler>();
        services.AddSingleton<IFeedRunner, ComtradeFeed>();
        return services;
    }
}
