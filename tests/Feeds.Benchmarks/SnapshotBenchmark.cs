using System.Diagnostics;
using Azure.Data.Tables;
using Feeds.Core.Snapshots;
using Feeds.Core.Storage;
using Feeds.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Benchmarks;

/// <summary>
/// Snapshot export of N trade rows: peak memory growth over the process baseline taken just before the export
/// (working set and managed heap, sampled every 10 ms), and throughput as a ratio to a raw SDK scan of the same
/// table in the same run.
/// </summary>
public sealed class SnapshotBenchmark(string connectionString, TextWriter output)
{
    public async Task<(BenchmarkResult Throughput, double PeakWorkingSetMb, double PeakHeapMb)> RunAsync(int count, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = connectionString,
            [SettingKeys.TablePrefix] = "b" + Guid.NewGuid().ToString("N")[..8],
            [SettingKeys.SnapshotsContainer] = "b" + Guid.NewGuid().ToString("N")[..12],
        };
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings);
        var services = app.Services;
        var tables = services.GetRequiredService<FeedTables>();
        await tables.EnsureCreatedAsync(cancellationToken);
        var table = tables.Get(FeedTables.TradeFlows);
        count = await StoreAsync(table, count, cancellationToken);
        await output.WriteLineAsync($"  {count:N0} trade rows stored");

        var exporter = services.GetRequiredService<SnapshotExporter>();
        // Warm-up (JIT, connections) on the same data, then the measured pair.
        await exporter.ExportAsync(null, "bench", null, cancellationToken);

        var scan = Stopwatch.StartNew();
        long scanned = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            scanned++;
        }

        scan.Stop();

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseWorkingSet = process.WorkingSet64;
        var baseHeap = GC.GetTotalMemory(forceFullCollection: false);
        long peakWorkingSet = baseWorkingSet, peakHeap = baseHeap;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);

        var export = Stopwatch.StartNew();
        var run = await exporter.ExportAsync(null, "bench", null, cancellationToken);
        export.Stop();
        await stop.CancelAsync();
        await sampler;

        var exported = run.Manifest.Files.Where(f => f.Dataset == "trade_flows").Select(f => f.Rows).First();
        if (exported != scanned || exported != count)
        {
            throw new InvalidOperationException($"exported {exported} rows, scanned {scanned}, stored {count}");
        }

        var ours = count / export.Elapsed.TotalSeconds;
        var raw = count / scan.Elapsed.TotalSeconds;
        var ws = (peakWorkingSet - baseWorkingSet) / 1024.0 / 1024.0;
        var heap = (peakHeap - baseHeap) / 1024.0 / 1024.0;
        var bytes = run.Manifest.Files.Where(f => f.Dataset == "trade_flows").ToDictionary(f => f.Format, f => f.Bytes);
        await output.WriteLineAsync(
            $"  export {export.Elapsed.TotalSeconds:N1} s ({ours:N0} rows/s; csv.gz {bytes["csv.gz"] / 1e6:N1} MB, parquet {bytes["parquet"] / 1e6:N1} MB), " +
            $"raw scan {scan.Elapsed.TotalSeconds:N1} s ({raw:N0} rows/s); peak growth: working set {ws:N1} MB, managed heap {heap:N1} MB");
        return (new BenchmarkResult($"snapshot export {count:N0} rows vs raw table scan", ours, raw, "rows/s", ours / raw, "≥ 0.5×", ours / raw >= 0.5), ws, heap);
    }

    private static async Task<int> StoreAsync(TableClient table, int count, CancellationToken cancellationToken)
    {
        // Released before the baseline is taken (a forced full GC precedes it).
        var rows = TradeIngestBenchmark.Rows(count);
        foreach (var chunk in rows.Chunk(20_000))
        {
            await TableBatchWriter.UpsertReplaceAsync(table, [.. chunk.Select(r => TradeEntities.ToEntity(r, "bench", DateTimeOffset.UnixEpoch))], cancellationToken);
        }

        return rows.Count;
    }
}
