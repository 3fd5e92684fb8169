using System.Net;
using System.Security.Cryptography;

namespace Feeds.Core.Reserves;

/// <summary>
/// Fetches USGS data-release files through the named "usgs" HttpClient (standard resilience: retries with jitter
/// honouring Retry-After, timeouts, circuit breaker, concurrency limit), as conditional requests when validators are
/// known. The body streams into a temporary file while its SHA-256 is computed, so memory does not grow with the file.
/// A non-success status is an <see cref="HttpRequestException"/>: the feed records the file's slice as failed.
/// </summary>
public sealed class UsgsSource(IHttpClientFactory clients, ILogger<UsgsSource> logger)
{
    public const string ClientName = "usgs";

    /// <summary>Data releases are a few MB; anything far larger is not an MCS file.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public async Task<UsgsFetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var name = response.Content.Headers.ContentDisposition is { } disposition
            ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"')
            : null;
        name = string.IsNullOrWhiteSpace(name) ? Uri.UnescapeDataString(url.Segments.LastOrDefault() ?? "download") : Path.GetFileName(name);
        var newEtag = response.Headers.ETag?.ToString();
        var newLastModified = response.Content.Headers.LastModified?.ToString("R");

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            logger.LogDebug("USGS {Url} not modified since the stored checkpoint", url);
            return new UsgsFetchResult(true, null, "", name, newEtag ?? etag, newLastModified ?? lastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new HttpRequestException($"GET {url} is {response.Content.Headers.ContentLength} bytes, more than the {MaxBytes} a data-release file may be.");
        }

        var file = UsgsTempFile.Create();
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(chunk, 0, read);
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    if (file.Length > MaxBytes)
                    {
                        throw new HttpRequestException($"GET {url} is more than the {MaxBytes} bytes a data-release file may be.");
                    }
                }
            }

            file.Position = 0;
            return new UsgsFetchResult(false, file, Convert.ToHexStringLower(hash.GetHashAndReset()), name, newEtag, newLastModified,
                replayed: response.Content is UsgsReplayHandler.ReplayContent);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
