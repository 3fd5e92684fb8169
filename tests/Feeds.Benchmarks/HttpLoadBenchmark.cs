using System.Diagnostics;
using Azure.Data.Tables;
using Feeds.Core.Http;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Feeds.Benchmarks;

/// <summary>
/// The local host under load, against data every feed stored from the offline replay, in three passes of one run:
/// <list type="number">
/// <item>cold: after every dataset's version changed (the cache holds nothing usable), each data route's first request
/// against the raw SDK query of the partition it reads — the cache must not make a miss slower;</item>
/// <item>warm: each data route alone by concurrent clients for a fixed time, a static file of the same host (the
/// ceiling) just before and after — requests/s and p99 as ratios to the static file's mean;</item>
/// <item>mixed: clients loop over the dashboard's routes, good and bad requests alike — no transport errors, no 5xx.</item>
/// </list>
/// </summary>
public sealed class HttpLoadBenchmark(string connectionString, TextWriter output)
{
    public const string StaticFile = "/index.html";

    /// <summary>The dashboard's heaviest data routes (issue 16's table), each with the raw query of what it reads.</summary>
    private static readonly (string Url, string Table, string Filter)[] DataRoutes =
    [
        ("/api/indicators?reporter=USA&year=2023", FeedTables.Indicators, "PartitionKey eq 'USA' and RowKey ge '2023-' and RowKey lt '2023.'"),
        ("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023", FeedTables.TradeFlows, "PartitionKey eq 'USA-lithium' and RowKey ge '2023-' and RowKey lt '2023.'"),
        ("/api/trade?reporter=USA&mineral=lithium&flow=M&from=2020&to=2024", FeedTables.TradeFlows, "PartitionKey eq 'USA-lithium' and RowKey ge '2020-' and RowKey lt '2025-'"),
        ("/api/minerals?lists=IN2023,US2025", FeedTables.Minerals, "PartitionKey eq 'minerals'"),
        ("/api/reserves?mineral=lithium", FeedTables.Reserves, "PartitionKey eq 'lithium'"),
    ];

    /// <summary>Health is an operator view, computed from the run records at most every 5 s: warm figures only.</summary>
    private const string Health = "/api/health";

    private static readonly string[] MixedRoutes =
    [
        "/api/minerals?lists=IN2023,US2025",
        "/api/minerals/ree",
        "/api/countries?membership=MSP",
        "/api/trade?reporter=USA&mineral=lithium&flow=M&from=2020&to=2024",
        "/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2023",
        "/api/reserves?mineral=lithium",
        "/api/indicators?reporter=USA&year=2023",
        "/api/sourcing?mineral=lithium&buyer=IND",
        "/api/events",
        "/api/health",
        "/api/feeds",
        "/api/minerals?lists=XX",
        "/api/trade?reporter=USA&mineral=lithium' or '1' eq '1",
    ];

    public sealed record Pass(string Route, long Requests, double PerSecond, double P99Ms, long Errors, long ServerErrors, long Bytes);

    /// <param name="RawOverHttpMs">The same raw query answered by a bare endpoint of the same host (its count only): the
    /// HTTP round trip and pipeline every route pays, so FirstRequestMs / RawOverHttpMs is what the route itself adds.</param>
    public sealed record Cold(string Route, double FirstRequestMs, double RawQueryMs, double RawOverHttpMs, long Bytes);

    /// <summary>The bare endpoint: the raw SDK query of <see cref="DataRoutes"/>[i] over HTTP, nothing else.</summary>
    private const string RawEndpoint = "/bench/raw/";

    /// <summary>A route's warm pass and the static file's passes just before and after it (the machine's load drifts).</summary>
    public sealed record Warm(Pass Route, Pass StaticBefore, Pass StaticAfter)
    {
        public double StaticPerSecond => (StaticBefore.PerSecond + StaticAfter.PerSecond) / 2;

        public double StaticP99Ms => (StaticBefore.P99Ms + StaticAfter.P99Ms) / 2;
    }

    public async Task<(IReadOnlyList<Cold> Cold, IReadOnlyList<Warm> Warm, Pass Mixed)> RunAsync(
        int clients, TimeSpan perRoute, TimeSpan mixed, int coldRounds, CancellationToken cancellationToken)
    {
        var prefix = "l" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = connectionString,
            [SettingKeys.TablePrefix] = prefix,
            [SettingKeys.SourcesOffline] = "true",
            [SettingKeys.ComtradeFromYear] = "2020",
            [SettingKeys.ComtradeToYear] = "2024",
            [SettingKeys.ComtradeRequestsPerSecond] = "1000",
            // Throughput of the routes themselves: every simulated client shares one loopback address.
            [SettingKeys.RateLimitPermitsPerMinute] = "0",
        };
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings);
        // The ceiling: a static file through the same host's pipeline (the dashboard's page when built, else its source page).
        var staticRoot = Directory.CreateTempSubdirectory("feeds-static-");
        File.Copy(Path.Combine(RepositoryRoot.Find(), "dashboard", "index.html"), Path.Combine(staticRoot.FullName, "index.html"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(staticRoot.FullName) });
        var rawTables = new TableServiceClient(connectionString);
        app.MapGet(RawEndpoint + "{index:int}", async (int index, CancellationToken ct) =>
        {
            var (_, table, filter) = DataRoutes[index];
            var count = 0;
            await foreach (var _ in rawTables.GetTableClient(prefix + table).QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                count++;
            }

            return Microsoft.AspNetCore.Http.Results.Text(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        await app.StartAsync(cancellationToken);
        try
        {
            var feeds = app.Services.GetRequiredService<FeedRunService>();
            foreach (var feed in feeds.FeedNames)
            {
                var run = await feeds.RunAsync(feed, "bench", false, null, cancellationToken);
                await output.WriteLineAsync($"  seeded {feed}: {run.Status}");
            }

            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address };

            // A running host has served misses before: rounds until the miss path is JIT-compiled and tiered up
            // (tier-1 after 30 calls and a short delay), unrecorded, so the cold pass measures a cache miss, not the
            // first call of a new process.
            var versions = app.Services.GetRequiredService<DataVersions>();
            var sdk = new TableServiceClient(connectionString);
            _ = await ColdAsync(http, versions, sdk, prefix, "warm-up", 40, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            _ = await ColdAsync(http, versions, sdk, prefix, "warm-up-2", 10, cancellationToken);
            var cold = await ColdAsync(http, versions, sdk, prefix, "bench", coldRounds, cancellationToken);

            // Warm-up (JIT, connections, every entry), then the static file before and after each route.
            string[] warmRoutes = [.. DataRoutes.Select(r => r.Url), Health];
            await LoadAsync(http, "warm-up", [StaticFile, .. warmRoutes], clients, TimeSpan.FromSeconds(2), cancellationToken);
            var warm = new List<Warm>();
            var before = await LoadAsync(http, StaticFile, [StaticFile], clients, perRoute, cancellationToken);
            foreach (var url in warmRoutes)
            {
                var pass = await LoadAsync(http, url, [url], clients, perRoute, cancellationToken);
                var after = await LoadAsync(http, StaticFile, [StaticFile], clients, perRoute, cancellationToken);
                warm.Add(new Warm(pass, before, after));
                before = after;
            }

            var mixedPass = await LoadAsync(http, "mixed: every dashboard route and bad requests", MixedRoutes, clients, mixed, cancellationToken);
            return (cold, warm, mixedPass);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            staticRoot.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Rounds of: every dataset gets a new version (so no entry is usable), then each route's first request and the raw
    /// SDK query of its partition, alternating which goes first. Medians per route.
    /// </summary>
    private static async Task<IReadOnlyList<Cold>> ColdAsync(
        HttpClient http, DataVersions versions, TableServiceClient tables, string prefix, string label, int rounds, CancellationToken cancellationToken)
    {
        var first = DataRoutes.ToDictionary(r => r.Url, _ => new List<double>());
        var bytes = DataRoutes.ToDictionary(r => r.Url, _ => 0L);
        var raw = DataRoutes.ToDictionary(r => r.Url, _ => new List<double>());
        var rawHttp = DataRoutes.ToDictionary(r => r.Url, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var dataset in DataSets.All)
            {
                await versions.PublishAsync(dataset, $"{label}-{round}", cancellationToken);
            }

            await versions.RunRecordedAsync();
            foreach (var (index, (url, table, filter)) in DataRoutes.Index())
            {
                async Task Request()
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync(url, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    first[url].Add(watch.Elapsed.TotalMilliseconds);
                    bytes[url] = body.Length;
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{url}: {response.StatusCode}");
                    }
                }

                async Task Query()
                {
                    var watch = Stopwatch.StartNew();
                    var client = tables.GetTableClient(prefix + table);
                    var count = 0;
                    await foreach (var _ in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                    {
                        count++;
                    }

                    raw[url].Add(watch.Elapsed.TotalMilliseconds);
                }

                async Task QueryOverHttp()
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync(new Uri(RawEndpoint + index.ToString(System.Globalization.CultureInfo.InvariantCulture), UriKind.Relative), cancellationToken);
                    _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    rawHttp[url].Add(watch.Elapsed.TotalMilliseconds);
                    response.EnsureSuccessStatusCode();
                }

                // Each goes first in turn (Azurite's and the process's own warm-up favour whatever comes second).
                Func<Task>[] order = [Request, Query, QueryOverHttp];
                for (var k = 0; k < order.Length; k++)
                {
                    await order[(k + round) % order.Length]();
                }
            }
        }

        return [.. DataRoutes.Select(r => new Cold(r.Url, Median(first[r.Url]), Median(raw[r.Url]), Median(rawHttp[r.Url]), bytes[r.Url]))];
    }

    private static async Task<Pass> LoadAsync(HttpClient http, string name, string[] urls, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        long requests = 0, errors = 0, serverErrors = 0, bytes = 0;
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = new List<double>(64 * 1024);
            var i = client;
            while (watch.Elapsed < duration)
            {
                var started = watch.Elapsed;
                try
                {
                    using var response = await http.GetAsync(urls[i++ % urls.Length], cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    Interlocked.Exchange(ref bytes, body.Length);
                    Interlocked.Increment(ref requests);
                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add((watch.Elapsed - started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        var p99 = all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(all.Count * 0.99) - 1)];
        return new Pass(name, requests, requests / watch.Elapsed.TotalSeconds, p99, errors, serverErrors, bytes);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
