namespace Feeds.Core.Http;

/// <summary>
/// Response headers every answer of both hosts carries: no MIME sniffing, no referrer, no framing, and a content
/// policy — nothing at all for the API (it serves data, never a page), the page's own files for the dashboard; and on
/// the API, <c>Cache-Control: no-store</c> wherever a route set no caching policy of its own.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The dashboard: its own scripts only (no inline script); inline styles allowed because the chart library sets
    /// them; data: images for chart exports. The Static Web App serves the same policy with the API's origin allowed
    /// for connect-src (dashboard/public/staticwebapp.config.json).
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IReadOnlyDictionary<string, string> Common { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
    };

    /// <summary>Sets the headers just before the response starts, whichever middleware or handler wrote it.</summary>
    public static void Apply(HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            foreach (var (name, value) in Common)
            {
                headers[name] = value;
            }

            var api = context.Request.Path.StartsWithSegments("/" + ApiRoutes.Prefix, StringComparison.OrdinalIgnoreCase);
            headers.ContentSecurityPolicy = api ? ApiPolicy : DashboardPolicy;
            if (api && string.IsNullOrEmpty(headers.CacheControl))
            {
                // A response that says nothing is kept for one to three days by Front Door: only what a route marks
                // public is cached (a 404 of an unknown route, a 405, a 429 are not).
                headers.CacheControl = CachePolicies.None;
            }

            return Task.CompletedTask;
        });
}
