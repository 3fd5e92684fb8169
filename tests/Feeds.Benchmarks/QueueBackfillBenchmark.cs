using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Core.Trade;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Benchmarks;

/// <summary>
/// A Comtrade backfill run through the queue (the same <see cref="FeedRunStarter"/>, <c>feed-slices</c> queue on
/// Azurite and <see cref="FeedQueueWorker"/>s the hosts use) against a loopback stand-in that answers every call after
/// <see cref="Latency"/> with the recorded records in the real format, under a generous rate limit — with 1, 2 and 4
/// workers, each into fresh tables. Throughput is slices per second; the baseline is 1 worker in the same run. The
/// stand-in records when each call arrived, so the observed rate (most calls within any one second) is measured where
/// the source would count it.
/// </summary>
public sealed class QueueBackfillBenchmark(string connectionString, TextWriter output)
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    /// <summary>Calls per second the run may make: generous, so 4 workers at 300 ms (about 13 a second) stay under it.</summary>
    public const double Rate = 20;

    public async Task<(IReadOnlyList<BenchmarkResult> Results, IReadOnlyList<string> Rows)> RunAsync(int fromYear, CancellationToken cancellationToken)
    {
        await using var server = await StandIn.StartAsync();
        var measured = new Dictionary<int, (int Slices, double Seconds, int MaxPerSecond)>();
        foreach (var workers in new[] { 1, 2, 4 })
        {
            measured[workers] = await BackfillAsync(server, workers, fromYear, cancellationToken);
            var (slices, seconds, most) = measured[workers];
            await output.WriteLineAsync($"  {workers} worker(s): {slices} slices in {seconds:N1} s ({slices / seconds:N2}/s), most calls in one second {most}");
        }

        var baseline = measured[1].Slices / measured[1].Seconds;
        var results = new List<BenchmarkResult>();
        var rows = new List<string>();
        foreach (var workers in new[] { 2, 4 })
        {
            var (slices, seconds, _) = measured[workers];
            var throughput = slices / seconds;
            var ratio = throughput / baseline;
            var target = workers == 4 ? 3.0 : 1.6;
            results.Add(new BenchmarkResult($"queued Comtrade backfill, {workers} workers vs 1 (300 ms per call)", throughput, baseline, "slices/s", ratio,
                $"≥ {target.ToString(CultureInfo.InvariantCulture)}×", ratio >= target));
        }

        foreach (var (workers, (_, _, most)) in measured)
        {
            rows.Add($"| {workers} worker(s) | {most} | {Rate.ToString(CultureInfo.InvariantCulture)} | {(most <= Rate ? "yes" : "NO")} |");
        }

        return (results, rows);
    }

    private async Task<(int Slices, double Seconds, int MaxPerSecond)> BackfillAsync(StandIn server, int workers, int fromYear, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = connectionString,
            [SettingKeys.TablePrefix] = "q" + Guid.NewGuid().ToString("N")[..8],
            [SettingKeys.RunsQueueName] = "bench-" + Guid.NewGuid().ToString("N")[..8],
            [SettingKeys.SourcesOffline] = "false",
            [SettingKeys.ComtradeBaseUrl] = server.BaseUrl,
            [SettingKeys.ComtradeSubscriptionKey] = "stand-in-key",
            // The stand-in is on loopback: the key may go there only because it is listed.
            [SettingKeys.ComtradeKeyHosts] = "127.0.0.1",
            [SettingKeys.ComtradeFrequencies] = "A;M",
            [SettingKeys.ComtradeRequestsPerSecond] = Rate.ToString(CultureInfo.InvariantCulture),
            [SettingKeys.ComtradeDailyCallQuota] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings);
        await using var disposal = app;
        var services = app.Services;
        await services.GetRequiredService<FeedTables>().EnsureCreatedAsync(cancellationToken);
        var catalog = await services.GetRequiredService<FeedRunService>().RunAsync("catalog", "benchmark", false, null, cancellationToken);
        if (catalog.Status != FeedRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The catalog run {catalog.Status}: {catalog.Error}");
        }

        var starter = services.GetRequiredService<FeedRunStarter>();
        server.Arrivals.Clear();
        var watch = Stopwatch.StartNew();
        var run = await starter.StartAsync(ComtradeFeed.FeedName, "benchmark", new FeedRunRequest(From: fromYear, To: 2024), cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var worker = services.GetRequiredService<FeedQueueWorker>();
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(() => worker.RunAsync(stop.Token), CancellationToken.None)).ToList();
        var finished = await starter.WaitAsync(run, null, TimeSpan.FromMilliseconds(20), cancellationToken);
        watch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(running);
        if (finished.Status != FeedRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The backfill with {workers} workers ended {finished.Status}: {string.Join("; ", finished.Outcome?.FailedSlices.Take(3) ?? [])}");
        }

        return (finished.Slices!.Planned, watch.Elapsed.TotalSeconds, server.MaxPerSecond());
    }

    /// <summary>The Comtrade stand-in: every call waits <see cref="Latency"/>, then the recorded records answer it.</summary>
    private sealed class StandIn : StandInServer
    {
        private static readonly HttpMessageInvoker Replay = new(new ComtradeReplayHandler());

        public string BaseUrl => BaseAddress.ToString().TrimEnd('/');

        public ConcurrentQueue<long> Arrivals { get; } = new();

        public static async Task<StandIn> StartAsync()
        {
            var server = new StandIn();
            await server.StartServerAsync();
            return server;
        }

        protected override async Task HandleAsync(HttpContext context)
        {
            Arrivals.Enqueue(Stopwatch.GetTimestamp());
            await Task.Delay(Latency, context.RequestAborted);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://comtradeapi.un.org{context.Request.Path}{context.Request.QueryString}");
            request.Headers.Add("Ocp-Apim-Subscription-Key", context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString());
            using var response = await Replay.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
        }

        /// <summary>The most calls that arrived within any one second.</summary>
        public int MaxPerSecond()
        {
            var times = Arrivals.Order().ToArray();
            var (most, first) = (0, 0);
            for (var last = 0; last < times.Length; last++)
            {
                while (Stopwatch.GetElapsedTime(times[first], times[last]) >= TimeSpan.FromSeconds(1))
                {
                    first++;
                }

                most = Math.Max(most, last - first + 1);
            }

            return most;
        }
    }
}
