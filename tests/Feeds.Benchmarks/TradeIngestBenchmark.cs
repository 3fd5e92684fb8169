using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Feeds.Core.Storage;

namespace Feeds.Benchmarks;

/// <summary>
/// Ingest throughput of the feed's write path (the entities of normalized trade rows → batched upserts via
/// <see cref="TableBatchWriter"/>) against, in the same run and on the same Azurite: a raw SDK loop of 100-entity
/// transactions with the same entities, and one-by-one upserts. Entities are built before each clock starts. Rounds alternate the order so neither side always
/// runs on a warmer emulator; each side writes into a fresh table.
/// </summary>
public sealed class TradeIngestBenchmark(TableServiceClient service, TextWriter output)
{
    /// <summary>Minerals of the catalog, so the same rows also serve the API benchmark (which validates ids).</summary>
    public static IReadOnlyList<string> Minerals { get; } =
    [
        "lithium", "cobalt", "graphite", "nickel", "manganese", "copper", "tin", "tungsten", "titanium", "zirconium",
        "antimony", "beryllium", "bismuth", "gallium", "germanium", "indium", "niobium", "tantalum", "vanadium", "silicon",
        "potash", "phosphorus", "uranium", "molybdenum", "strontium",
    ];

    /// <summary>
    /// Monthly rows, as the feed's monthly and mirror calls store them: three reporters and two mirrored countries ×
    /// 25 minerals = 125 partitions, twelve months a year; values vary so entities differ. Keys are distinct.
    /// </summary>
    public static IReadOnlyList<TradeRow> Rows(int count)
    {
        var rows = new List<TradeRow>(count);
        var keys = new HashSet<(string, string)>();
        (string Iso3, int Code, string Source)[] whos =
            [("IND", 699, TradeRow.ReportedSource), ("USA", 842, TradeRow.ReportedSource), ("CHN", 156, TradeRow.ReportedSource),
             ("IND", 699, TradeRow.MirrorSource), ("USA", 842, TradeRow.MirrorSource)];
        for (var i = 0; rows.Count < count; i++)
        {
            var who = whos[i % whos.Length];
            var mineral = Minerals[(i / whos.Length) % Minerals.Count];
            var year = 2015 + (i / 125 % 10);
            var month = 1 + (i / 1250 % 12);
            var partner = i / 15_000 % 900;
            var flow = i / 150_000 % 2 == 0 ? "M" : "X";
            var hs = (280000 + (i / 300_000 % 90)).ToString(CultureInfo.InvariantCulture);
            var row = new TradeRow(who.Iso3, who.Code, mineral, year, month, flow, hs, "H6", false, [], partner,
                partner == 0 ? "W00" : null, $"Partner {partner}", 1000 + i, 1000 + i, null, i % 7 == 0 ? null : 10 + i, false, true, who.Source);
            if (keys.Add((row.PartitionKey, row.RowKey)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int count, int oneByOneSample, int rounds, CancellationToken cancellationToken)
    {
        var rows = Rows(count);
        var now = DateTimeOffset.UnixEpoch;
        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            for (var side = 0; side < 2; side++)
            {
                var oursFirst = round % 2 == 0;
                if ((side == 0) == oursFirst)
                {
                    var entities = rows.Select(r => TradeEntities.ToEntity(r, "bench", now)).ToList();
                    var table = await FreshTableAsync("benchours", round, cancellationToken);
                    var watch = Stopwatch.StartNew();
                    // The feed's write path: planned transactions (one partition, ≤ 100 operations, < 4 MiB, each key once).
                    await TableBatchWriter.UpsertReplaceAsync(table, entities, cancellationToken);
                    ours.Add(rows.Count / watch.Elapsed.TotalSeconds);
                }
                else
                {
                    var entities = rows.Select(r => TradeEntities.ToEntity(r, "bench", now)).ToList();
                    var table = await FreshTableAsync("benchraw", round, cancellationToken);
                    var watch = Stopwatch.StartNew();
                    foreach (var partition in entities.GroupBy(e => e.PartitionKey))
                    {
                        foreach (var chunk in partition.Chunk(100))
                        {
                            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
                        }
                    }

                    raw.Add(rows.Count / watch.Elapsed.TotalSeconds);
                }
            }

            await output.WriteLineAsync($"  round {round + 1}: ours {ours[^1]:N0} rows/s, raw transactions {raw[^1]:N0} rows/s");
        }

        var single = await FreshTableAsync("benchsingle", 0, cancellationToken);
        var sample = rows.Take(oneByOneSample).Select(r => TradeEntities.ToEntity(r, "bench", now)).ToList();
        var oneWatch = Stopwatch.StartNew();
        foreach (var entity in sample)
        {
            await single.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }

        var oneByOne = sample.Count / oneWatch.Elapsed.TotalSeconds;
        var oursMedian = Median(ours);
        var rawMedian = Median(raw);
        await output.WriteLineAsync($"  one-by-one upserts ({sample.Count} rows): {oneByOne:N0} rows/s");
        return
        [
            new("ingest vs raw 100-entity transactions", oursMedian, rawMedian, "rows/s", oursMedian / rawMedian, "≥ 0.8×", oursMedian / rawMedian >= 0.8),
            new("ingest vs one-by-one upserts", oursMedian, oneByOne, "rows/s", oursMedian / oneByOne, "≥ 4×", oursMedian / oneByOne >= 4),
        ];
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<TableClient> FreshTableAsync(string name, int round, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient($"{name}{round}{Guid.NewGuid():N}"[..30]);
        await table.CreateAsync(cancellationToken);
        return table;
    }
}
