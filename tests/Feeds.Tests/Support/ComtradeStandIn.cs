using System.Collections.Concurrent;
using Feeds.Core.Trade;
using Microsoft.AspNetCore.Http;

namespace Feeds.Tests.Support;

/// <summary>
/// A stand-in Comtrade server on a free loopback port, reached over real HTTP. By default it answers like the API
/// from the recorded payloads; a test scripts other answers (errors, delays, caps) per call number.
/// </summary>
public sealed class ComtradeStandIn : StandInServer
{
    private readonly HttpMessageInvoker _replay = new(new ComtradeReplayHandler());
    private int _calls;

    /// <summary>The base URL to configure as <c>Feeds:Comtrade:BaseUrl</c>.</summary>
    public string BaseUrl => BaseAddress.ToString().TrimEnd('/');

    /// <summary>Every request URL received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Scripted answer for a call number (1-based); return false to fall through to the recorded replay.</summary>
    public Func<int, HttpContext, Task<bool>> Script { get; set; } = (_, _) => Task.FromResult(false);

    /// <summary>Replay with a smaller record cap, to exercise splitting of capped responses.</summary>
    public int? RecordCap { get; set; }

    public int Calls => _calls;

    /// <summary>When each request arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), to measure the rate the source saw.</summary>
    public ConcurrentQueue<long> Arrivals { get; } = new();

    /// <summary>The most requests that arrived within any one second.</summary>
    public int MaxPerSecond()
    {
        var times = Arrivals.Order().ToArray();
        var (most, first) = (0, 0);
        for (var last = 0; last < times.Length; last++)
        {
            while (System.Diagnostics.Stopwatch.GetElapsedTime(times[first], times[last]) >= TimeSpan.FromSeconds(1))
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    /// <summary>Back to a fresh server: no calls counted, no requests kept, the recorded replay answering.</summary>
    public void Reset()
    {
        _calls = 0;
        Requests.Clear();
        Arrivals.Clear();
        Script = (_, _) => Task.FromResult(false);
    }

    public static async Task<ComtradeStandIn> StartAsync()
    {
        var standIn = new ComtradeStandIn();
        await standIn.StartServerAsync();
        return standIn;
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        Arrivals.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
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

    public override async ValueTask DisposeAsync()
    {
        _replay.Dispose();
        await base.DisposeAsync();
    }
}
