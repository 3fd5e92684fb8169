namespace Feeds.Core.Pipeline;

/// <summary>Registers what every feed runs through: run records and the run queue, checkpoints, quarantine, freshness, source and schedule settings.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddFeedPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SourceOptions>(configuration, SourceOptions.Section, _ => []);
        services.AddValidatedOptions<ScheduleOptions>(configuration, ScheduleOptions.Section, o => o.Problems());
        services.AddValidatedOptions<FeedRunOptions>(configuration, FeedRunOptions.Section, o => o.Problems());
        services.TryAddSingleton<FeedRunStore>();
        services.TryAddSingleton<FeedRunLedger>();
        services.TryAddSingleton<FeedRunFollowUps>();
        services.TryAddSingleton<FeedSliceQueues>();
        services.TryAddSingleton<FeedRunStarter>();
        services.TryAddSingleton<FeedSliceProcessor>();
        services.TryAddSingleton(new FeedQueueTimings());
        services.TryAddSingleton<FeedQueueWorker>();
        services.TryAddSingleton<SharedRateGate>();
        services.TryAddSingleton<FeedCheckpointStore>();
        services.TryAddSingleton<QuarantineStore>();
        services.TryAddSingleton<FeedRunService>();
        services.TryAddSingleton<FeedFreshness>();
        return services;
    }
}
