namespace Feeds.Core.Events;

/// <summary>Registers the events slice: the register's routes (the register itself is catalog data).</summary>
public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<EventsApi>();
        services.TryAddSingleton<EventImpactApi>();
        return services;
    }
}
