namespace Feeds.Core.Operations;

/// <summary>Registers the operator and service routes: health, feed runs and quarantine, the OpenAPI document.</summary>
public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.TryAddSingleton<HealthApi>();
        services.TryAddSingleton<FeedRunsApi>();
        services.TryAddSingleton<OpenApiDocument>();
        return services;
    }
}
