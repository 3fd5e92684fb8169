using Feeds.Core.Catalog;
using Feeds.Core.Events;
using Feeds.Core.Indicators;
using Feeds.Core.Operations;
using Feeds.Core.Reserves;
using Feeds.Core.Snapshots;
using Feeds.Core.Trade;

namespace Feeds.Core;

/// <summary>
/// Registers everything both hosts (Functions, local) share, one extension per slice. The feeds run in registration
/// order in the local host's <c>up</c>: the catalog first, since the others normalize against it.
/// </summary>
public static class FeedsServiceCollectionExtensions
{
    public static IServiceCollection AddFeedsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddFeedsHttp(configuration);
        services.AddFeedsStorage(configuration);
        services.AddApiPlumbing(configuration);
        services.AddFeedPipeline(configuration);
        services.AddCatalog();
        services.AddTrade(configuration);
        services.AddReserves(configuration);
        services.AddIndicators();
        services.AddEvents();
        services.AddSnapshots(configuration);
        services.AddOperations();
        return services;
    }
}
