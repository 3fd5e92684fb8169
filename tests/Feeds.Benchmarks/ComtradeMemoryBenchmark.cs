using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;

namespace Feeds.Benchmarks;

/// <summary>
/// Memory of reading one large Comtrade response, both ways, in one run: the feed's path (the streaming reader hands
/// each record to the normalizer as it is read; the JSON is kept only for a quarantined record) against
/// <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/> of the
/// whole envelope followed by the same normalization. Measured: managed heap still alive when every record is in hand
/// (after a full collection), against the heap before; and the time each takes.
/// </summary>
public sealed class ComtradeMemoryBenchmark(TextWriter output)
{
    public async Task<(double StreamingMb, double DeserializeMb, double StreamingMs, double DeserializeMs)> RunAsync(int records, CancellationToken cancellationToken)
    {
        var catalog = CatalogLoader.Load(new EmbeddedCatalogFiles());
        var codes = catalog.HsCodes.Where(h => h.Vintages.Contains("H5") && h.Vintages.Contains("H6") && !h.Shared)
            .Select(h => h.Code).Distinct().Order(StringComparer.Ordinal).Take(20).ToList();
        var request = new ComtradeRequest("USA", 842, codes, [2020, 2021, 2022, 2023, 2024], ["M", "X"]);
        var body = Response(records, codes);
        await output.WriteLineAsync($"  response: {records:N0} records, {body.Length / 1024d / 1024d:N1} MB of JSON");
        var normalizer = new ComtradeNormalizer(catalog);

        var streaming = await MeasureAsync(async mark =>
        {
            var response = normalizer.Start(request);
            await ComtradeResponseReader.ReadAsync(new MemoryStream(body), new HashSet<int>(), (r, json) => response.Add(r, json), cancellationToken);
            mark(); // every record read: what is alive is the normalized rows
            return response.Results;
        });

        var whole = await MeasureAsync(async mark =>
        {
            var envelope = await JsonSerializer.DeserializeAsync<Envelope>(new MemoryStream(body), cancellationToken: cancellationToken);
            mark(); // every record read: what is alive is the whole envelope, before any normalization
            var response = normalizer.Start(request);
            foreach (var e in envelope!.Data)
            {
                response.Add(ComtradeResponseReader.ParseRecord(e, isSample: false), e);
            }

            GC.KeepAlive(envelope);
            return response.Results;
        });

        if (streaming.Results.Count != whole.Results.Count
            || streaming.Results.Count(r => r.Rows.Count > 0) != whole.Results.Count(r => r.Rows.Count > 0))
        {
            throw new InvalidOperationException("The two ways gave different outcomes; the comparison would be meaningless.");
        }

        return (streaming.PeakMb, whole.PeakMb, streaming.Ms, whole.Ms);
    }

    /// <summary>
    /// Heap alive (after a full collection) at the moment the way calls <c>mark</c>, every record read, minus the heap
    /// before; the time excludes the collection.
    /// </summary>
    private static async Task<(IReadOnlyList<NormalizedRecord> Results, double PeakMb, double Ms)> MeasureAsync(
        Func<Action, Task<IReadOnlyList<NormalizedRecord>>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long alive = 0;
        var paused = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var results = await run(() =>
        {
            var pause = Stopwatch.StartNew();
            alive = GC.GetTotalMemory(forceFullCollection: true) - before;
            paused = pause.Elapsed;
        });
        clock.Stop();
        return (results, alive / 1024d / 1024d, (clock.Elapsed - paused).TotalMilliseconds);
    }

    /// <summary>A response in the real format: a real record (data/comtrade/recorded/real.json) as template, varied.</summary>
    private static byte[] Response(int count, IReadOnlyList<string> codes)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Feeds.Local.RepositoryRoot.Find(), "data", "comtrade", "recorded", "real.json")))!
            ["data"]!.AsArray().First(r => (int)r!["reporterCode"]! == 842)!.AsObject();
        var text = new StringBuilder("{\"elapsedTime\":\"1.2 secs\",\"count\":").Append(count).Append(",\"data\":[");
        for (var i = 0; i < count; i++)
        {
            var year = 2020 + (i % 5);
            var record = template.DeepClone().AsObject();
            record["cmdCode"] = codes[i / 5 % codes.Count];
            record["refYear"] = year;
            record["period"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            record["classificationCode"] = year >= 2022 ? "H6" : "H5";
            record["flowCode"] = i / (5 * codes.Count) % 2 == 0 ? "M" : "X";
            record["partnerCode"] = i / (10 * codes.Count);
            record["primaryValue"] = 1000.5 + i;
            text.Append(i == 0 ? "" : ",").Append(record.ToJsonString());
        }

        return Encoding.UTF8.GetBytes(text.Append("],\"error\":\"\"}").ToString());
    }

    private sealed record Envelope(
        [property: System.Text.Json.Serialization.JsonPropertyName("count")] int Count,
        [property: System.Text.Json.Serialization.JsonPropertyName("data")] List<JsonElement> Data);
}
