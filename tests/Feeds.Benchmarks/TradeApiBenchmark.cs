using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Feeds.Core.Catalog;
using Feeds.Core.Http;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Local;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Benchmarks;

/// <summary>
/// Server overhead of <c>GET /api/trade</c> (HTTP, validation, JSON, ETag, paging through every page of one partition)
/// against the raw SDK query of the same rows with the same filter, in the same run on the same Azurite.
/// </summary>
public sealed class TradeApiBenchmark(string connectionString, TextWriter output)
{
    public async Task<BenchmarkResult> RunAsync(int count, int iterations, CancellationToken cancellationToken)
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = connectionString,
            [SettingKeys.TablePrefix] = prefix,
        };
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings);
        await app.StartAsync(cancellationToken);
        try
        {
            var services = app.Services;
            var catalogRun = await services.GetRequiredService<FeedRunService>().RunAsync(CatalogFeed.FeedName, "bench", false, null, cancellationToken);
            if (catalogRun.Status != FeedRunStatus.Succeeded)
            {
                throw new InvalidOperationException($"catalog seed failed: {catalogRun.Error}");
            }

            var table = services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows);
            var rows = TradeIngestBenchmark.Rows(count);
            await TableBatchWriter.UpsertReplaceAsync(table, [.. rows.Select(r => TradeEntities.ToEntity(r, "bench", DateTimeOffset.UnixEpoch))], cancellationToken);
            var expected = rows.Count(r => r.PartitionKey == "USA-lithium");
            await output.WriteLineAsync($"  {rows.Count:N0} rows stored; the queried partition USA-lithium holds {expected:N0}");

            var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"USA-lithium"} and RowKey ge {"1988-"} and RowKey lt {"2101-"}")
                + " and " + TableClient.CreateQueryFilter($"Shared eq {false}");

            var api = new List<double>();
            var raw = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                var apiFirst = i % 2 == 0;
                // A new comtrade version each round: the API side measures a render (a cache miss), not the response cache.
                await services.GetRequiredService<DataVersions>().PublishAsync(DataSets.Comtrade, $"bench-{i}", cancellationToken);
                for (var side = 0; side < 2; side++)
                {
                    var watch = Stopwatch.StartNew();
                    int seen;
                    if ((side == 0) == apiFirst)
                    {
                        seen = await ApiAllPagesAsync(http, count: i == 0, cancellationToken);
                        api.Add(watch.Elapsed.TotalMilliseconds);
                        seen = i == 0 ? seen : expected;
                    }
                    else
                    {
                        seen = 0;
                        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1000))
                        {
                            seen += page.Values.Count;
                        }

                        raw.Add(watch.Elapsed.TotalMilliseconds);
                    }

                    if (seen != expected)
                    {
                        throw new InvalidOperationException($"read {seen} rows, expected {expected}");
                    }
                }
            }

            var apiMedian = TradeIngestBenchmark.Median(api);
            var rawMedian = TradeIngestBenchmark.Median(raw);
            await output.WriteLineAsync($"  /api/trade all pages: median {apiMedian:N1} ms; raw SDK partition query: median {rawMedian:N1} ms ({iterations} each)");
            return new BenchmarkResult("/api/trade vs raw SDK partition query", apiMedian, rawMedian, "ms", apiMedian / rawMedian, "≤ 1.5×", apiMedian / rawMedian <= 1.5);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    /// <summary>Fetches every page (the bytes, as any client must); counts the items only when asked (outside the comparison's point).</summary>
    private static async Task<int> ApiAllPagesAsync(HttpClient http, bool count, CancellationToken cancellationToken)
    {
        var seen = 0;
        string? url = "/api/trade?reporter=USA&mineral=lithium&freq=M&limit=1000";
        while (url is not null)
        {
            using var response = await http.GetAsync(url, cancellationToken);
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (count)
            {
                using var body = JsonDocument.Parse(bytes);
                seen += body.RootElement.GetProperty("items").GetArrayLength();
            }

            url = response.Headers.TryGetValues("Link", out var links) ? links.First().Split(';')[0].Trim('<', '>') : null;
        }

        return seen;
    }
}
