using Feeds.Core.Catalog;
using Feeds.Core.Http;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;

namespace Feeds.Core.Operations;

/// <summary>
/// <c>GET /api/health</c> (anonymous): storage reachable, catalog loaded, each feed's last run and freshness.
/// 200 with <c>healthy</c> or <c>degraded</c> (a feed failed or is stale: data is served, but old); 503 with
/// <c>unhealthy</c> when storage cannot be reached, so load balancers and uptime checks can act on the code alone.
/// </summary>
public sealed class HealthApi(
    CatalogService catalog,
    FeedFreshness freshness,
    TimeProvider time,
    ApiHandler handler,
    ILogger<HealthApi> logger)
{
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async _ =>
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
        });

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
