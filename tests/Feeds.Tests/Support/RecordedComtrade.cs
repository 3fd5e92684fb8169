using System.Text;
using System.Text.Json;
using Feeds.Core.Trade;
using Feeds.Local;

namespace Feeds.Tests.Support;

/// <summary>The repository's recorded Comtrade payloads (data/comtrade/recorded) and helpers to read them.</summary>
public static class RecordedComtrade
{
    public static string Path(string name) => System.IO.Path.Combine(RepositoryRoot.Find(), "data", "comtrade", "recorded", name);

    public static async Task<(ComtradeResponse Envelope, List<ComtradeRecord> Records)> ReadAsync(Stream stream, IReadOnlySet<int>? sample = null)
    {
        var records = new List<ComtradeRecord>();
        var envelope = await ComtradeResponseReader.ReadAsync(stream, sample ?? new HashSet<int>(), (record, _) => records.Add(record), CancellationToken.None);
        return (envelope, records);
    }

    public static Task<(ComtradeResponse Envelope, List<ComtradeRecord> Records)> ReadFileAsync(string name) =>
        ReadAsync(new MemoryStream(File.ReadAllBytes(Path(name))));

    public static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>One record of real.json, as JSON text, picked by a predicate.</summary>
    public static string RealRecord(Func<JsonElement, bool> pick)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path("real.json")));
        return doc.RootElement.GetProperty("data").EnumerateArray().First(pick).GetRawText();
    }
}
