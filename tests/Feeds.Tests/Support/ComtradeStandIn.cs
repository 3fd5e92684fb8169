using System.Collections.Concurrent;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feeds.Tests.Support;

/// <summary>
/// A stand-in Comtrade server on a free loopback port, reached over real HTTP. By default it answers like the API
/// from the recorded payloads; a test scripts other answers (errors, delays, caps) per call number.
/// </summary>
public sealed class ComtradeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _replay = new(new ComtradeReplayHandler());
    private int _calls;

    private ComtradeStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request URL received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Scripted answer for a call number (1-based); return false to fall through to the recorded replay.</summary>
    public Func<int, HttpContext, Task<bool>> Script { get; set; } = (_, _) => Task.FromResult(false);

    /// <summary>Replay with a smaller record cap, to exercise splitting of capped responses.</summary>
    public int? RecordCap { get; set; }

    public int Calls => _calls;

    public static async Task<ComtradeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ComtradeStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        Requests.Enqueue(context.Request.Path + context.Request.QueryString);
        if (await Script(call, context))
        {
            return;
        }

        var url = $"https://comtradeapi.un.org{context.Request.Path}{context.Request.QueryString}";
        if (RecordCap is { } cap)
        {
            url = System.Text.RegularExpressions.Regex.Replace(url, "maxRecords=[0-9]+", $"maxRecords={cap}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (context.Request.Headers.TryGetValue("Ocp-Apim-Subscription-Key", out var key))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", key.ToString());
        }

        using var response = await _replay.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        foreach (var header in response.Headers)
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _replay.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
