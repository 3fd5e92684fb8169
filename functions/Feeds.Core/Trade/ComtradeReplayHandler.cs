using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Feeds.Core.Trade;

/// <summary>
/// Offline stand-in for the Comtrade API, used as the HttpClient's primary handler when the feed runs offline: it
/// answers the same URLs from recorded records (data/comtrade/recorded: real.json and real-extra.json, real annual UN
/// Comtrade records; real-monthly.json, China's real monthly exports by partner; sample.json, made-up records) in the
/// exact response format, filtered as the API filters (frequency, reporter, partner, period, code, flow), with the
/// preview's record cap. Which records are sample data is
/// said in a response header, outside the Comtrade-format body; the client believes it only on a response whose body
/// is a <see cref="ReplayContent"/>, which no server on the network can produce.
/// </summary>
public sealed class ComtradeReplayHandler : HttpMessageHandler
{
    /// <summary>The body of a replayed response: the marker that it never left this process.</summary>
    public sealed class ReplayContent(string json) : StringContent(json, Encoding.UTF8, "application/json");

    /// <summary>Most records one replayed keyed response holds (the preview's cap is 500).</summary>
    public const int MaxRecords = 250_000;

    private static readonly Lazy<IReadOnlyList<(JsonElement Record, bool Sample)>> Recorded = new(Load);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var keyed = uri.AbsolutePath.Contains("/data/v1/get/C/", StringComparison.Ordinal);
        var preview = uri.AbsolutePath.Contains("/public/v1/preview/C/", StringComparison.Ordinal);
        if (!keyed && !preview)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        }

        if (keyed && !request.Headers.Contains("Ocp-Apim-Subscription-Key"))
        {
            return Task.FromResult(Json(HttpStatusCode.Unauthorized,
                "{ \"statusCode\": 401, \"message\": \"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.\" }", request));
        }

        // The frequency is in the path (…/C/A/HS, …/C/M/HS), as the API has it.
        var frequency = uri.AbsolutePath.Contains("/C/M/", StringComparison.Ordinal) ? "M" : "A";
        var query = QueryHelpers.ParseQuery(uri.Query);
        var reporters = Ints(query, "reporterCode");
        var periods = query.TryGetValue("period", out var p) ? p.ToString().Split(',').ToHashSet() : [];
        var codes = query.TryGetValue("cmdCode", out var c) ? c.ToString().Split(',').ToHashSet() : [];
        var flows = query.TryGetValue("flowCode", out var f) ? f.ToString().Split(',').ToHashSet() : [];
        var partners = Ints(query, "partnerCode");
        var cap = Math.Min(Ints(query, "maxRecords").DefaultIfEmpty(500).First(), preview ? 500 : MaxRecords);

        var matches = Recorded.Value.Where(r =>
            r.Record.GetProperty("freqCode").GetString() == frequency
            && Has(reporters, r.Record, "reporterCode") && Has(partners, r.Record, "partnerCode")
            && (periods.Count == 0 || periods.Contains(r.Record.GetProperty("period").GetString()!))
            && (codes.Count == 0 || codes.Contains(r.Record.GetProperty("cmdCode").GetString()!))
            && (flows.Count == 0 || flows.Contains(r.Record.GetProperty("flowCode").GetString()!)))
            .Take(cap)
            .ToList();

        var body = new StringBuilder("{\"elapsedTime\":\"0.01 secs\",\"count\":")
            .Append(matches.Count.ToString(CultureInfo.InvariantCulture)).Append(",\"data\":[")
            .AppendJoin(',', matches.Select(m => m.Record.GetRawText()))
            .Append("],\"error\":\"\"}");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ReplayContent(body.ToString()), RequestMessage = request };
        var sample = matches.Select((m, i) => (m.Sample, i)).Where(x => x.Sample).Select(x => x.i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (sample.Count > 0)
        {
            response.Headers.TryAddWithoutValidation(ComtradeClient.SampleRecordsHeader, string.Join(',', sample));
        }

        return Task.FromResult(response);
    }

    private static HashSet<int> Ints(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name) =>
        query.TryGetValue(name, out var value)
            ? [.. value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
            : [];

    private static bool Has(HashSet<int> wanted, JsonElement record, string field) =>
        wanted.Count == 0 || wanted.Contains(record.GetProperty(field).GetInt32());

    private static HttpResponseMessage Json(HttpStatusCode status, string body, HttpRequestMessage request) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        RequestMessage = request,
    };

    private static List<(JsonElement, bool)> Load()
    {
        var result = new List<(JsonElement, bool)>();
        foreach (var (name, sample) in new[] { ("real.json", false), ("real-extra.json", false), ("real-monthly.json", false), ("sample.json", true) })
        {
            using var stream = typeof(ComtradeReplayHandler).Assembly.GetManifestResourceStream("comtrade/" + name)
                ?? throw new InvalidOperationException($"The recorded Comtrade file {name} is not embedded in Feeds.Core.");
            using var document = JsonDocument.Parse(stream);
            result.AddRange(document.RootElement.GetProperty("data").EnumerateArray().Select(e => (e.Clone(), sample)));
        }

        return result;
    }
}
