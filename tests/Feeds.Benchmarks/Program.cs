using System.Globalization;
using Azure.Data.Tables;
using Feeds.Benchmarks;
using Feeds.Local;

// Feeds benchmarks: ratios against baselines measured in the same run on this machine, against a real Azurite.
// usage: dotnet run -c Release --project tests/Feeds.Benchmarks -- [snapshot | load | comtrade-memory | usgs | queue] [--rows N] [--quick]
var rows = 100_000;
var quick = args.Contains("--quick");
var rowsAt = Array.IndexOf(args, "--rows");
if (rowsAt >= 0 && rowsAt + 1 < args.Length)
{
    rows = int.Parse(args[rowsAt + 1], CultureInfo.InvariantCulture);
}
else if (quick)
{
    rows = 3_000;
}

var output = Console.Out;
var root = RepositoryRoot.Find();
var options = new AzuriteOptions(root, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), Location: null);
await using var azurite = await AzuriteProcess.StartAsync(options, output, CancellationToken.None);
await output.WriteLineAsync($"Azurite (in memory) on 127.0.0.1:{options.TablePort}; {Environment.ProcessorCount} cores; {rows:N0} rows");

var service = new TableServiceClient(options.ConnectionString);
var results = new List<BenchmarkResult>();
if (args.Contains("load"))
{
    // docs/benchmarks.md: each data route with a warm cache at ≥ 0.5× a static file's requests/s and p99 ≤ 3× its p99;
    // a cold first request ≤ 1.5× the raw SDK query; 0 errors and 0 5xx, alone and in the mixed pass.
    var (perRoute, mixed, rounds) = quick ? (2, 5, 9) : (10, 30, 15);
    await output.WriteLineAsync($"HTTP load: 32 clients, {perRoute} s per route, {mixed} s mixed; {rounds} cold rounds:");
    var (cold, warm, mixedPass) = await new HttpLoadBenchmark(options.ConnectionString, output)
        .RunAsync(32, TimeSpan.FromSeconds(perRoute), TimeSpan.FromSeconds(mixed), rounds, CancellationToken.None);
    var met = true;
    await output.WriteLineAsync();
    await output.WriteLineAsync("| cold cache (median of rounds) | body | first request | raw SDK query of its partition (in process) | the same query over the host's HTTP pipeline | ratio to the query (target ≤ 1.5×) | ratio to the query over HTTP | met |");
    await output.WriteLineAsync("|---|---|---|---|---|---|---|---|");
    foreach (var c in cold)
    {
        var ratio = c.FirstRequestMs / c.RawQueryMs;
        met &= ratio <= 1.5;
        await output.WriteLineAsync($"| `{c.Route}` | {c.Bytes:N0} B | {c.FirstRequestMs:N1} ms | {c.RawQueryMs:N1} ms | {c.RawOverHttpMs:N1} ms | {ratio:N2}× | {c.FirstRequestMs / c.RawOverHttpMs:N2}× | {(ratio <= 1.5 ? "yes" : "NO")} |");
    }

    await output.WriteLineAsync();
    await output.WriteLineAsync($"| warm, 32 clients, {perRoute} s each | body | requests/s | p99 | static file before/after: requests/s, p99 | requests/s vs static | p99 vs static | errors | 5xx | met (≥ 0.5×, ≤ 3×, 0, 0) |");
    await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var w in warm)
    {
        var r = w.Route;
        var (rps, p99) = (r.PerSecond / w.StaticPerSecond, r.P99Ms / w.StaticP99Ms);
        var ok = rps >= 0.5 && p99 <= 3 && r.Errors == 0 && r.ServerErrors == 0 && w.StaticBefore.ServerErrors == 0;
        met &= ok;
        await output.WriteLineAsync($"| `{r.Route}` | {r.Bytes:N0} B | {r.PerSecond:N0} | {r.P99Ms:N1} ms | {w.StaticBefore.PerSecond:N0} / {w.StaticAfter.PerSecond:N0}, {w.StaticBefore.P99Ms:N1} / {w.StaticAfter.P99Ms:N1} ms ({w.StaticBefore.Bytes:N0} B) | {rps:N2}× | {p99:N2}× | {r.Errors} | {r.ServerErrors} | {(ok ? "yes" : "NO")} |");
    }

    var mixedOk = mixedPass.Errors == 0 && mixedPass.ServerErrors == 0;
    met &= mixedOk;
    await output.WriteLineAsync();
    await output.WriteLineAsync("| mixed load | requests | per second | p99 | transport errors | 5xx | target | met |");
    await output.WriteLineAsync("|---|---|---|---|---|---|---|---|");
    await output.WriteLineAsync($"| 32 clients, {mixed} s over 13 routes (dashboard routes and two bad requests) | {mixedPass.Requests:N0} | {mixedPass.PerSecond:N0} | {mixedPass.P99Ms:N1} ms | {mixedPass.Errors} | {mixedPass.ServerErrors} | 0 errors, 0 5xx | {(mixedOk ? "yes" : "NO")} |");
    return met ? 0 : 1;
}

if (args.Contains("comtrade-memory"))
{
    var n = rowsAt >= 0 ? rows : quick ? 10_000 : 100_000;
    await output.WriteLineAsync($"Reading one Comtrade response of {n:N0} records, both ways:");
    var (streamingMb, deserializeMb, streamingMs, deserializeMs) = await new ComtradeMemoryBenchmark(output).RunAsync(n, CancellationToken.None);
    await output.WriteLineAsync();
    await output.WriteLineAsync("| way | heap alive with every record in hand | time |");
    await output.WriteLineAsync("|---|---|---|");
    await output.WriteLineAsync($"| streaming reader, normalized while reading (the feed's) | {streamingMb:N1} MB | {streamingMs:N0} ms |");
    await output.WriteLineAsync($"| JsonSerializer.DeserializeAsync of the envelope, then normalized | {deserializeMb:N1} MB | {deserializeMs:N0} ms |");
    await output.WriteLineAsync($"| ratio | {streamingMb / deserializeMb:N2}× | {streamingMs / deserializeMs:N2}× |");
    return 0;
}

if (args.Contains("queue"))
{
    // docs/benchmarks.md: a queued Comtrade backfill (300 ms per call, generous rate) with 1, 2 and 4 workers.
    var fromYear = quick ? 2022 : 2018;
    await output.WriteLineAsync($"Queued Comtrade backfill {fromYear}-2024 (annual and monthly), 300 ms per call, {QueueBackfillBenchmark.Rate} calls/s allowed:");
    var (queued, rateRows) = await new QueueBackfillBenchmark(options.ConnectionString, output).RunAsync(fromYear, CancellationToken.None);
    results.AddRange(queued);
    await output.WriteLineAsync();
    await output.WriteLineAsync("| workers | most calls in one second (at the stand-in) | limit | within |");
    await output.WriteLineAsync("|---|---|---|---|");
    foreach (var line in rateRows)
    {
        await output.WriteLineAsync(line);
    }
}
else if (args.Contains("usgs"))
{
    await output.WriteLineAsync("USGS ingest of the MCS 2026 Commodities Data file:");
    var (throughput, ws1, heap1, ws4, heap4) = await new UsgsIngestBenchmark(options.ConnectionString, output).RunAsync(quick ? 1 : 3, CancellationToken.None);
    results.Add(throughput);
    await output.WriteLineAsync();
    await output.WriteLineAsync("| memory (peak growth during the run) | working set | managed heap | target | met |");
    await output.WriteLineAsync("|---|---|---|---|---|");
    await output.WriteLineAsync($"| usgs ingest, 1× rows | {ws1:N1} MB | {heap1:N1} MB | flat | — |");
    var flat = heap4 <= (heap1 * 1.5) + 8;
    await output.WriteLineAsync($"| usgs ingest, 4× rows | {ws4:N1} MB | {heap4:N1} MB | heap ≤ 1.5 × the 1× heap + 8 MB | {(flat ? "yes" : "NO")} |");
}
else if (args.Contains("snapshot"))
{
    // Peak memory must stay flat as rows grow: a quarter of the rows, then all of them (default 50,000 and 200,000).
    var total = rowsAt >= 0 ? rows : quick ? 12_000 : 200_000;
    var memory = new List<string>();
    foreach (var n in new[] { total / 4, total })
    {
        await output.WriteLineAsync($"Snapshot export, {n:N0} rows:");
        var (throughput, workingSet, heap) = await new SnapshotBenchmark(options.ConnectionString, output).RunAsync(n, CancellationToken.None);
        results.Add(throughput);
        memory.Add($"| snapshot peak memory growth, {n:N0} rows | working set {workingSet:N1} MB | managed heap {heap:N1} MB | ≤ 150 MB, flat | {(workingSet <= 150 ? "yes" : "NO")} |");
    }

    await output.WriteLineAsync();
    await output.WriteLineAsync("| memory | working set | managed heap | target | met |");
    await output.WriteLineAsync("|---|---|---|---|---|");
    foreach (var line in memory)
    {
        await output.WriteLineAsync(line);
    }
}
else
{
    await output.WriteLineAsync("Trade ingest:");
    results.AddRange(await new TradeIngestBenchmark(service, output).RunAsync(rows, oneByOneSample: quick ? 300 : 5_000, rounds: quick ? 1 : 3, CancellationToken.None));
    await output.WriteLineAsync("Trade API:");
    results.Add(await new TradeApiBenchmark(options.ConnectionString, output).RunAsync(rows, iterations: quick ? 2 : 15, CancellationToken.None));
}

await output.WriteLineAsync();
await output.WriteLineAsync("| benchmark | ours | baseline | ratio | target | met |");
await output.WriteLineAsync("|---|---|---|---|---|---|");
foreach (var r in results)
{
    await output.WriteLineAsync($"| {r.Name} | {r.Measured:N1} {r.Unit} | {r.Baseline:N1} {r.Unit} | {r.Ratio:N2}× | {r.Target} | {(r.Met ? "yes" : "NO")} |");
}

return 0;
