using Microsoft.Net.Http.Headers;

namespace Feeds.Core.Http;

/// <summary>
/// A finished response: body bytes, content type, validators and caching headers. The body is rendered before
/// the response starts so its ETag is a hash of exactly the bytes sent and If-None-Match can answer 304.
/// </summary>
public sealed record ApiResult(int Status, string ContentType, ReadOnlyMemory<byte> Body) : IResult
{
    public string? ETag { get; init; }
    public string? CacheControl { get; init; }
    public string? Link { get; init; }
    public string? ContentDisposition { get; init; }
    public string? Allow { get; init; }

    /// <summary>Where the resource is (a started run, or the run that holds a feed).</summary>
    public string? Location { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        if (CacheControl is not null)
        {
            response.Headers.CacheControl = CacheControl;
        }

        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
            // Representations differ by Accept (JSON or CSV), so caches must key on it.
            response.Headers.Vary = HeaderNames.Accept;
            if (Status == StatusCodes.Status200OK && IfNoneMatchMatches(httpContext.Request, ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        if (Link is not null)
        {
            response.Headers.Link = Link;
        }

        if (ContentDisposition is not null)
        {
            response.Headers.ContentDisposition = ContentDisposition;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Allow is not null)
        {
            response.Headers.Allow = Allow;
        }

        response.StatusCode = Status;
        if (ContentType.Length > 0)
        {
            response.ContentType = ContentType;
        }

        response.ContentLength = Body.Length;
        // HEAD: the same headers as GET (Content-Length included), no body.
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored, <c>*</c> matches any.</summary>
    public static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParse(etag, out var ours))
        {
            return false;
        }

        return request.GetTypedHeaders().IfNoneMatch.Any(candidate =>
            candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false));
    }
}
