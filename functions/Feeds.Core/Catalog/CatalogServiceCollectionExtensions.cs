namespace Feeds.Core.Catalog;

/// <summary>Registers the catalog: its files, the one service every slice reads it through, the policy register, its feed and routes.</summary>
public static class CatalogServiceCollectionExtensions
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton<ICatalogFiles, EmbeddedCatalogFiles>();
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton<PolicyRegister>();
        services.AddSingleton<IFeedRunner, CatalogFeed>();
        services.TryAddSingleton<MineralsApi>();
        services.TryAddSingleton<CountriesApi>();
        return services;
    }
}
