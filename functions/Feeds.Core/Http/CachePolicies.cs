namespace Feeds.Core.Http;

/// <summary>Cache-Control values. Data changes at most a few times a day; clients revalidate cheaply with the ETag.</summary>
public static class CachePolicies
{
    /// <summary>Reference data (catalog, OpenAPI): fresh for an hour.</summary>
    public const string Reference = "public, max-age=3600, stale-while-revalidate=86400";

    /// <summary>
    /// Feed data uncached; the response cache replaces it with <see cref="ResponseCache.DataPolicy"/> (fresh for one
    /// version-check interval), so clients never hold data longer than the server could.
    /// </summary>
    public const string Data = "public, max-age=300, stale-while-revalidate=3600";

    /// <summary>Health and operator views: never cached.</summary>
    public const string None = "no-store";
}
