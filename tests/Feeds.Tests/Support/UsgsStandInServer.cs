using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Feeds.Tests.Support;

/// <summary>
/// A stand-in for a data-release server on loopback (real Kestrel, real HTTP): serves files by path with a strong
/// ETag and Last-Modified, answers 304 to matching conditional requests, 404 to anything else, and records what it was sent.
/// </summary>
public sealed class UsgsStandInServer : StandInServer
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> _requests = new();
    public IReadOnlyList<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> Requests => [.. _requests];

    public static readonly DateTimeOffset LastModified = new(2024, 3, 6, 0, 0, 0, TimeSpan.Zero);

    public static async Task<UsgsStandInServer> StartAsync()
    {
        var server = new UsgsStandInServer();
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Serves (or replaces) a file; returns its URL.</summary>
    public string Put(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return new Uri(BaseAddress, path).ToString();
    }

    public string UrlOf(string path) => new Uri(BaseAddress, path).ToString();

    protected override async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
        int status;
        if (!_files.TryGetValue(path, out var bytes))
        {
            status = StatusCodes.Status404NotFound;
        }
        else
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = LastModified.ToString("R");
            if (ifNoneMatch == etag)
            {
                status = StatusCodes.Status304NotModified;
            }
            else
            {
                status = StatusCodes.Status200OK;
                context.Response.ContentType = path.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv";
                context.Response.ContentLength = bytes.Length;
            }
        }

        _requests.Enqueue((path, NullIfEmpty(ifNoneMatch), NullIfEmpty(ifModifiedSince), status));
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status200OK)
        {
            await context.Response.Body.WriteAsync(bytes);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
