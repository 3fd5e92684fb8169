namespace Feeds.Core.Indicators;

/// <summary>Registers the indicators (recomputed after each comtrade or usgs run) and their routes.</summary>
public static class IndicatorsServiceCollectionExtensions
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.TryAddSingleton<IndicatorsService>();
        services.AddSingleton<IFeedRunObserver>(sp => sp.GetRequiredService<IndicatorsService>());
        services.TryAddSingleton<IndicatorsApi>();
        services.TryAddSingleton<SourcingApi>();
        return services;
    }
}
