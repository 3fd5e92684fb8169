using Feeds.Core.Catalog;
using Microsoft.Extensions.Caching.Hybrid;

namespace Feeds.Core.Operations;

/// <summary>
/// <c>GET /api/health</c> (anonymous): storage reachable, catalog loaded, each feed's last run and freshness.
/// 200 with <c>healthy</c> or <c>degraded</c> (a feed failed or is stale: data is served, but old); 503 with
/// <c>unhealthy</c> when storage cannot be reached, so load balancers and uptime checks can act on the code alone.
/// The answer is computed at most every <see cref="Reuse"/> (and again at once after a run in this host): a busy
/// uptime check does not read every feed's runs per request. Never cached by clients (<c>no-store</c>).
/// </summary>
public sealed class HealthApi(
    CatalogService catalog,
    FeedFreshness freshness,
    TimeProvider time,
    ApiHandler handler,
    HybridCache cache,
    ILogger<HealthApi> logger)
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Reuse, LocalCacheExpiration = Reuse };

    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async _ =>
            await cache.GetOrCreateAsync("health", this, static (api, ct) => new ValueTask<ApiResult>(api.ComputeAsync(ct)),
                Entry, [DataVersions.RunsTag], cancellationToken).ConfigureAwait(false));

    private async Task<ApiResult> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var checks = new List<HealthCheck>();
        string? published;
        try
        {
            published = await catalog.PublishedVersionAsync(cancellationToken).ConfigureAwait(false);
            checks.Add(new HealthCheck("storage", "healthy", "Table storage answered.", null));
        }
        catch (Exception ex) when (FeedTables.IsTableNotFound(ex))
        {
            published = null;
            checks.Add(new HealthCheck("storage", "healthy", "Table storage answered; no tables yet.", null));
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "Health check: storage unreachable");
            checks.Add(new HealthCheck("storage", "unhealthy", "Table storage did not answer.", null));
            return Answer(now, checks);
        }

        var current = catalog.Current;
        checks.Add(published is null
            ? new HealthCheck("catalog", "degraded", "The catalog has not been loaded yet.", null)
            : published == current.Version
                ? new HealthCheck("catalog", "healthy", $"Catalog {current.Version}: {current.Lists.Count} critical-mineral lists loaded.", null)
                : new HealthCheck("catalog", "degraded", $"The tables hold catalog {published}; this deployment's is {current.Version} (the catalog feed publishes it on its next run).", null));

        foreach (var feed in await freshness.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            var detail = feed.LastRun is not { } last
                ? "Never run."
                : $"Last run {last.RunId} {last.Status}; last success {feed.LastSuccess?.ToString("O") ?? "never"}; fresh for {feed.MaxAge.TotalHours:0} h.";
            checks.Add(new HealthCheck($"feed:{feed.Feed}", feed.Stale ? "degraded" : "healthy", detail, feed.LastSuccess));
        }

        return Answer(now, checks);
    }

    private static ApiResult Answer(DateTimeOffset now, List<HealthCheck> checks)
    {
        var status = checks.Any(c => c.Status == "unhealthy") ? "unhealthy"
            : checks.Any(c => c.Status == "degraded") ? "degraded"
            : "healthy";
        var code = status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        // Whole seconds: the body keeps one length, so a HEAD's Content-Length matches the GET that follows.
        return ApiResponses.Json(new { status, checkedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero), checks }, CachePolicies.None, code, validator: false);
    }
}
