using Microsoft.Extensions.Hosting;

namespace Feeds.Core.Http;

/// <summary>
/// Checks the datasets' versions when the host starts and then every <c>VersionCheckSeconds</c>, in the background:
/// a request never waits for a check (it is served what is cached, at most one interval stale).
/// </summary>
public sealed class DataVersionCheck(
    IServiceProvider services, IOptions<ResponseCacheOptions> options, TimeProvider time, ILogger<DataVersionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the host builds every hosted service before it validates the options,
        // and building the cache reads them, so invalid settings would fail alone instead of all named together.
        var versions = services.GetRequiredService<DataVersions>();
        using var timer = new PeriodicTimer(options.Value.VersionCheckInterval, time);
        do
        {
            try
            {
                await versions.CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                // Keep serving what is cached; the next check tries again.
                logger.LogWarning(ex, "Data version check: storage unavailable");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Data version check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
