namespace Feeds.Core.Snapshots;

/// <summary>Registers the partner snapshot export, its blob store and its routes.</summary>
public static class SnapshotsServiceCollectionExtensions
{
    public static IServiceCollection AddSnapshots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SnapshotOptions>(configuration, SnapshotOptions.Section, o => o.Problems());
        services.TryAddSingleton(new SnapshotTimings());
        services.TryAddSingleton<SnapshotStore>();
        services.TryAddSingleton<SnapshotPruner>();
        services.TryAddSingleton<SnapshotSigner>();
        services.TryAddSingleton<SnapshotExporter>();
        services.TryAddSingleton<SnapshotsApi>();
        return services;
    }
}
