using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Feeds.Core.Http;

/// <summary>
/// A finished response: body bytes, content type, validators and caching headers. The body is rendered before
/// the response starts so its ETag is a hash of exactly the bytes sent and If-None-Match can answer 304.
/// </summary>
public sealed class ApiResult(int status, string contentType, byte[] body) : IResult
{
    public int Status { get; } = status;
    public string ContentType { get; } = contentType;
    public ReadOnlyMemory<byte> Body { get; } = body;
    public string? ETag { get; init; }
    public string? CacheControl { get; init; }
    public string? Link { get; init; }
    public string? ContentDisposition { get; init; }

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

        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored, <c>*</c> matches any.</summary>
    public static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        var opaque = Strip(etag);
        foreach (var value in header)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || Strip(candidate) == opaque)
                {
                    return true;
                }
            }
        }

        return false;

        static string Strip(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
    }
}
