using System.Diagnostics;
using Feeds.Core.Pipeline;
using Feeds.Local;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Benchmarks;

/// <summary>
/// The local host under load: concurrent clients loop over the dashboard's routes (good and bad requests alike) for a
/// fixed time against data every feed stored from the offline replay. Target: no transport errors and no 5xx.
/// </summary>
public sealed class HttpLoadBenchmark(string connectionString, TextWriter output)
{
    private static readonly string[] Routes =
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

    public async Task<(long Requests, long Errors, long ServerErrors, double PerSecond)> RunAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = connectionString,
            [SettingKeys.TablePrefix] = "l" + Guid.NewGuid().ToString("N")[..8],
            [SettingKeys.SourcesOffline] = "true",
            [SettingKeys.ComtradeFromYear] = "2020",
            [SettingKeys.ComtradeToYear] = "2024",
            [SettingKeys.ComtradeRequestsPerSecond] = "1000",
            // Throughput of the routes themselves: every simulated client shares one loopback address.
            [SettingKeys.RateLimitPermitsPerMinute] = "0",
        };
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings);
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
            long requests = 0, errors = 0, serverErrors = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
            {
                var i = client;
                while (watch.Elapsed < duration)
                {
                    try
                    {
                        using var response = await http.GetAsync(Routes[i++ % Routes.Length], cancellationToken);
                        await response.Content.ReadAsByteArrayAsync(cancellationToken);
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
                }
            }));
            return (requests, errors, serverErrors, requests / watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
