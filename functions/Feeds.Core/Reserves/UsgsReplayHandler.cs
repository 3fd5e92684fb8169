using System.Net;
using System.Net.Http.Headers;

namespace Feeds.Core.Reserves;

/// <summary>
/// The "usgs" HttpClient's primary handler in offline mode: answers a default URL with its bundled file, as a server
/// would (strong ETag over the bytes, <c>304</c> for a matching <c>If-None-Match</c>, the bundled file's name in
/// <c>Content-Disposition</c>), so resilience and conditional requests run exactly as they do online. Any other URL is 404.
/// </summary>
public sealed class UsgsReplayHandler(UsgsManifest manifest) : HttpMessageHandler
{
    /// <summary>The body of a replayed response: the marker that it never left this process (no server can send one).</summary>
    public sealed class ReplayContent(byte[] bytes) : ByteArrayContent(bytes);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = request.RequestUri is { } uri ? manifest.Find(uri) : null;
        if (entry is null || request.Method != HttpMethod.Get)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request, Content = new StringContent("not in the USGS replay manifest") });
        }

        var bytes = UsgsManifest.Read(entry.File);
        var etag = new EntityTagHeaderValue("\"" + UsgsParser.Sha256(bytes)[..32] + "\"");
        if (request.Headers.IfNoneMatch.Any(t => t.Tag == etag.Tag || t.Tag == "*"))
        {
            var notModified = new HttpResponseMessage(HttpStatusCode.NotModified) { RequestMessage = request };
            notModified.Headers.ETag = etag;
            return Task.FromResult(notModified);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ReplayContent(bytes) };
        response.Headers.ETag = etag;
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"" + Path.GetFileName(entry.File) + "\"" };
        return Task.FromResult(response);
    }
}
