using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feeds.Tests.Support;

/// <summary>
/// A stand-in for a data-release server on loopback (real Kestrel, real HTTP): serves files by path with a strong
/// ETag and Last-Modified, answers 304 to matching conditional requests, 404 to anything else, and records what it was sent.
/// </summary>
public sealed class UsgsStandInServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> _requests = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> Requests => [.. _requests];

    public static readonly DateTimeOffset LastModified = new(2024, 3, 6, 0, 0, 0, TimeSpan.Zero);

    public static async Task<UsgsStandInServer> StartAsync()
    {
        var server = new UsgsStandInServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.Run(server.ServeAsync);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Serves (or replaces) a file; returns its URL.</summary>
    public string Put(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return new Uri(BaseAddress, path).ToString();
    }

    public string UrlOf(string path) => new Uri(BaseAddress, path).ToString();

    private async Task ServeAsync(HttpContext context)
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
