using Feeds.Core.Configuration;

namespace Feeds.Core.Pipeline;

/// <summary>Registers what every feed runs through: run records, checkpoints, quarantine, freshness, source and schedule settings.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddFeedPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SourceOptions>(configuration, SourceOptions.Section, _ => []);
        services.AddValidatedOptions<ScheduleOptions>(configuration, ScheduleOptions.Section, o => o.Problems());
        services.TryAddSingleton<FeedRunStore>();
        services.TryAddSingleton<FeedCheckpointStore>();
        services.TryAddSingleton<QuarantineStore>();
        services.TryAddSingleton<FeedRunService>();
        services.TryAddSingleton<FeedFreshness>();
        return services;
    }
}
