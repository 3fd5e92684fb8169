using Microsoft.Extensions.Caching.Hybrid;

namespace Feeds.Core.Http;

/// <summary>
/// The data routes' rendered responses (JSON or CSV body, ETag, headers) in <see cref="HybridCache"/>: keyed by the
/// route and its normalized query (parameter order and case folded, blanks and the defaults of format and limit
/// dropped) plus the versions of the datasets the route reads, tagged with those datasets. Only 200s are kept:
/// an error is answered to the requests waiting on that render and never stored.
/// </summary>
public sealed class ResponseCache(HybridCache cache, DataVersions versions, TimeProvider time, IOptions<ResponseCacheOptions> options)
{
    // A safety net for data changed behind the feeds' back; versions evict long before.
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromHours(1) };

    private readonly string _dataPolicy = $"public, max-age={options.Value.VersionCheckSeconds}, stale-while-revalidate={options.Value.VersionCheckSeconds}";

    /// <summary>The Cache-Control of cached data routes: fresh for one version-check interval, then as long again stale while revalidating.</summary>
    public string DataPolicy => _dataPolicy;

    public async Task<IResult> GetOrRenderAsync(ApiQuery query, IReadOnlyList<string> datasets, Func<ApiQuery, Task<IResult>> handler)
    {
        var aborted = query.Request.HttpContext.RequestAborted;
        try
        {
            return await cache.GetOrCreateAsync(
                KeyOf(query, datasets),
                (Query: query, Handler: handler, Policy: _dataPolicy),
                static async (state, _) =>
                {
                    var result = await state.Handler(state.Query).ConfigureAwait(false);
                    if (result is ApiResult { Status: StatusCodes.Status200OK } ok)
                    {
                        return ok.CacheControl == CachePolicies.Data ? ok with { CacheControl = state.Policy } : ok;
                    }

                    throw new UncacheableResult(result);
                },
                Entry,
                datasets,
                aborted).ConfigureAwait(false);
        }
        catch (UncacheableResult uncacheable)
        {
            return uncacheable.Result;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            // The request whose render this one waited on went away; render for this one.
            return await handler(query).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>scheme://host/path?name=VALUE&amp;…|format|limit|day|versions</c>: names lower-cased and sorted, values trimmed
    /// and upper-cased (every route folds their case), blanks, the function key and cache-busters (<c>_…</c>) left out.
    /// With a continuation token values keep their case: the token is bound to them as sent. The UTC day is part of
    /// the key because some defaults are "today" (memberships on, events active on, the trade feed's last year).
    /// </summary>
    public string KeyOf(ApiQuery query, IReadOnlyList<string> datasets)
    {
        var request = query.Request;
        var fold = query.Continuation is null;
        var parameters = request.Query
            .Select(p => (Name: p.Key.ToLowerInvariant(), Value: p.Value.ToString().Trim()))
            .Where(p => p.Value.Length > 0 && p.Name is not ("format" or "limit" or "code") && !p.Name.StartsWith('_'))
            .Select(p => (p.Name, Value: fold ? p.Value.ToUpperInvariant() : p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        return string.Concat(
            request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, "?", string.Join('&', parameters),
            "|", query.Format == ResponseFormat.Csv ? "csv" : "json", "|", query.Limit.ToString(CultureInfo.InvariantCulture),
            "|", time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "|", versions.Stamp(datasets));
    }

    /// <summary>Carries a non-200 answer out of the cache's factory so it is returned, not stored.</summary>
    private sealed class UncacheableResult(IResult result) : Exception
    {
        public IResult Result { get; } = result;
    }
}
