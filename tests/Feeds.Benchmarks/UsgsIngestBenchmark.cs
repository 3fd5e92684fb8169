using System.Diagnostics;
using System.IO.Compression;
using Azure.Data.Tables;
using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Benchmarks;

/// <summary>
/// Ingest of the full MCS 2026 Commodities Data file through the usgs feed (download from a loopback server into a
/// temporary file, parse chapter by chapter, normalize, batched upserts into Reserves and Salient, stale-row check,
/// checkpoint) against a raw SDK loop of 100-entity transactions writing the same entities (built before its clock
/// starts), in the same run on the same Azurite; and the feed's peak memory at 1× and 4× the rows (the file's rows
/// replicated under synthetic editions MCS2036, MCS2046, MCS2056 in one ZIP).
/// </summary>
public sealed class UsgsIngestBenchmark(string connectionString, TextWriter output)
{
    private const string File2026 = "mcs2026/MCS2026_Commodities_Data.excerpt.csv";

    public async Task<(BenchmarkResult Throughput, double WorkingSet1, double Heap1, double WorkingSet4, double Heap4)> RunAsync(int rounds, CancellationToken cancellationToken)
    {
        var bytes = UsgsManifest.Read(File2026);
        await using var server = await FileServer.StartAsync(new Dictionary<string, byte[]>
        {
            ["MCS2026_Commodities_Data.csv"] = bytes,
            ["x1.zip"] = Zip(1, bytes),
            ["x4.zip"] = Zip(4, bytes),
        });

        var entities = Entities(bytes);
        await output.WriteLineAsync($"  MCS 2026 file: {bytes.Length:N0} bytes, {entities.Count:N0} entities stored (Reserves + Salient)");
        var ours = new List<double>();
        var raw = new List<double>();
        await IngestAsync(server.Url("MCS2026_Commodities_Data.csv"), measureMemory: false, cancellationToken); // warm-up: JIT, connections
        for (var round = 0; round < rounds; round++)
        {
            for (var side = 0; side < 2; side++)
            {
                if ((side == 0) == (round % 2 == 0))
                {
                    var (written, seconds, _, _) = await IngestAsync(server.Url("MCS2026_Commodities_Data.csv"), measureMemory: false, cancellationToken);
                    ours.Add(written / seconds);
                }
                else
                {
                    raw.Add(entities.Count / await RawAsync(entities, cancellationToken));
                }
            }

            await output.WriteLineAsync($"  round {round + 1}: feed {ours[^1]:N0} entities/s (download, parse, write), raw transactions {raw[^1]:N0} entities/s");
        }

        var (_, _, ws1, heap1) = await IngestAsync(server.Url("x1.zip"), measureMemory: true, cancellationToken);
        var (written4, _, ws4, heap4) = await IngestAsync(server.Url("x4.zip"), measureMemory: true, cancellationToken);
        await output.WriteLineAsync($"  memory: 1x peak growth working set {ws1:N1} MB, heap {heap1:N1} MB; 4x ({written4:N0} entities) working set {ws4:N1} MB, heap {heap4:N1} MB");
        var oursMedian = TradeIngestBenchmark.Median(ours);
        var rawMedian = TradeIngestBenchmark.Median(raw);
        return (new BenchmarkResult("usgs ingest (MCS 2026 file) vs raw 100-entity transactions", oursMedian, rawMedian, "entities/s", oursMedian / rawMedian, "≥ 0.8×", oursMedian / rawMedian >= 0.8),
            ws1, heap1, ws4, heap4);
    }

    /// <summary>One run of the usgs feed over one URL into fresh tables: entities written, seconds, and peak memory growth (MB) when asked.</summary>
    private async Task<(long Written, double Seconds, double WorkingSetMb, double HeapMb)> IngestAsync(string url, bool measureMemory, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = connectionString,
            [SettingKeys.TablePrefix] = "u" + Guid.NewGuid().ToString("N")[..8],
            [SettingKeys.SourcesOffline] = "false",
            [SettingKeys.UsgsUrls] = url,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings);
        await using var disposal = app;
        await app.Services.GetRequiredService<FeedTables>().EnsureCreatedAsync(cancellationToken);
        var feed = app.Services.GetServices<IFeedRunner>().Single(r => r.Name == UsgsFeed.FeedName);

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long baseWorkingSet = process.WorkingSet64, baseHeap = GC.GetTotalMemory(false);
        long peakWorkingSet = baseWorkingSet, peakHeap = baseHeap;
        using var stop = new CancellationTokenSource();
        var sampler = measureMemory
            ? Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    await Task.Delay(5, CancellationToken.None);
                }
            }, CancellationToken.None)
            : Task.CompletedTask;

        var watch = Stopwatch.StartNew();
        var outcome = await feed.RunAsync(new FeedRunContext("20260101T000000000Z-0b0e0c", true, null), cancellationToken);
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        if (!outcome.Succeeded || !outcome.Records.AddsUp || outcome.Records.Quarantined > 0)
        {
            throw new InvalidOperationException($"the usgs run did not store the file cleanly: {outcome}");
        }

        return (outcome.EntitiesWritten, watch.Elapsed.TotalSeconds, (peakWorkingSet - baseWorkingSet) / 1024.0 / 1024.0, (peakHeap - baseHeap) / 1024.0 / 1024.0);
    }

    /// <summary>The raw SDK loop: per table and partition, 100-entity upsert transactions. Returns seconds.</summary>
    private async Task<double> RawAsync(List<(string Table, TableEntity Entity)> entities, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var prefix = "r" + Guid.NewGuid().ToString("N")[..8];
        var clients = new Dictionary<string, TableClient>();
        foreach (var table in entities.Select(e => e.Table).Distinct())
        {
            clients[table] = service.GetTableClient(prefix + table);
            await clients[table].CreateAsync(cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        foreach (var partition in entities.GroupBy(e => (e.Table, e.Entity.PartitionKey)))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await clients[partition.Key.Table].SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e.Entity)), cancellationToken);
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The entities the feed stores for the file, built outside any clock (each key once, as the feed stores it).</summary>
    private static List<(string Table, TableEntity Entity)> Entities(byte[] bytes)
    {
        var parsed = new UsgsParser(CatalogLoader.Load(new EmbeddedCatalogFiles())).Parse("MCS2026_Commodities_Data.csv", bytes);
        return
        [
            .. parsed.Rows.Select(r => (FeedTables.Reserves, ReservesEntities.ToEntity(r, "bench"))).DistinctBy(e => (e.Item2.PartitionKey, e.Item2.RowKey)),
            .. parsed.Salient.Select(s => (FeedTables.Salient, SalientEntities.ToEntity(s, "bench"))).DistinctBy(e => (e.Item2.PartitionKey, e.Item2.RowKey)),
        ];
    }

    private static byte[] Zip(int copies, byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < copies; i++)
            {
                using var entry = zip.CreateEntry($"MCS{2026 + (i * 10)}_Commodities_Data.csv").Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A loopback server for the benchmark's files.</summary>
    private sealed class FileServer(IReadOnlyDictionary<string, byte[]> files) : StandInServer
    {
        public string Url(string name) => new Uri(BaseAddress, name).ToString();

        public static async Task<FileServer> StartAsync(IReadOnlyDictionary<string, byte[]> files)
        {
            var server = new FileServer(files);
            await server.StartServerAsync();
            return server;
        }

        protected override Task HandleAsync(HttpContext context)
        {
            var name = context.Request.Path.Value?.TrimStart('/') ?? "";
            return (files.TryGetValue(name, out var body) ? Results.Bytes(body, "application/octet-stream", name) : Results.NotFound()).ExecuteAsync(context);
        }
    }
}
