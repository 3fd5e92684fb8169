using System.Net;
using System.Net.Http.Headers;

namespace Feeds.Core.Trade;

/// <summary>
/// Calls the UN Comtrade API v1 for one <see cref="ComtradeRequest"/>: the keyed endpoint with
/// <c>Ocp-Apim-Subscription-Key</c> when a key is set, the public preview otherwise; totals only, descriptions
/// included. Transient failures (429, 5xx, timeouts) are retried by the HttpClient's resilience pipeline; what is
/// left here fails the request clearly, logged with its URL (the key travels in a header, never in the URL).
/// </summary>
public sealed class ComtradeClient(
    HttpClient http,
    IOptions<ComtradeOptions> options,
    ComtradeQuotaGuard quota,
    ILogger<ComtradeClient> logger)
{
    /// <summary>
    /// Response header set only by the offline replay: indexes of records that are sample data (<c>0-2,7</c>). Read only
    /// from the replay's own responses, never from a server, and only indexes below <see cref="SampleIndexLimit"/>.
    /// </summary>
    public const string SampleRecordsHeader = "X-Feeds-Sample-Records";

    /// <summary>No replayed response holds more records than this; indexes beyond it mean nothing.</summary>
    public const int SampleIndexLimit = ComtradeReplayHandler.MaxRecords;

    public const int MaxUrlLength = 4096;

    public int RecordCap => options.Value.HasKey ? ComtradeOptions.KeyedRecordCap : ComtradeOptions.PreviewRecordCap;

    public Uri BuildUrl(ComtradeRequest request)
    {
        var o = options.Value;
        var path = (o.HasKey ? "data/v1/get/C/" : "public/v1/preview/C/") + request.Frequency + "/HS";
        // A mirror request names the mirrored country as partner and leaves the reporter open: every reporter answers.
        var who = request.Mirror
            ? $"partnerCode={request.ReporterCode.ToString(CultureInfo.InvariantCulture)}"
            : $"reporterCode={request.ReporterCode.ToString(CultureInfo.InvariantCulture)}";
        var query = string.Join('&',
            who,
            $"period={request.PeriodList}",
            $"cmdCode={string.Join(',', request.Codes)}",
            $"flowCode={string.Join(',', request.Flows)}",
            "partner2Code=0",
            "motCode=0",
            "customsCode=C00",
            "includeDesc=true",
            $"maxRecords={RecordCap.ToString(CultureInfo.InvariantCulture)}");
        var url = new Uri($"{o.BaseUrl.TrimEnd('/')}/{path}?{query}");
        return url.AbsoluteUri.Length <= MaxUrlLength
            ? url
            : throw new InvalidOperationException($"A Comtrade URL would be {url.AbsoluteUri.Length} characters; the API refuses more than {MaxUrlLength}.");
    }

    /// <summary>Fetches one request's response and normalizes each record as it is read.</summary>
    public async Task<ComtradeFetch> FetchAsync(ComtradeRequest request, ComtradeNormalizer normalizer, CancellationToken cancellationToken)
    {
        if (options.Value.KeyIsUnresolvedReference)
        {
            throw new ComtradeException(
                "Feeds:Comtrade:SubscriptionKey is still a Key Vault reference (@Microsoft.KeyVault(…)): the app's identity cannot read the secret. Check keyVaultReferenceIdentity and the Key Vault Secrets User role.",
                configuration: true);
        }

        var url = BuildUrl(request);
        if (options.Value.HasKey && !options.Value.KeyAllowedFor(url))
        {
            // Checked on start too; again here, so no code path sends the key to another host or over plain http.
            throw new ComtradeException(
                $"The subscription key is sent only over https to {ComtradeOptions.Section}:KeyHosts ({options.Value.KeyHosts}); not to {url.GetLeftPart(UriPartial.Authority)}.",
                configuration: true);
        }

        await quota.AcquireAsync(cancellationToken).ConfigureAwait(false);
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options.Value.HasKey)
        {
            message.Headers.Add("Ocp-Apim-Subscription-Key", options.Value.SubscriptionKey);
        }

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Comtrade answered {Status} for {Url}: {Body}", (int)response.StatusCode, url, TextLimits.Excerpt(body));
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new ComtradeException($"401 from Comtrade for {url}: the subscription key is missing or invalid."),
                HttpStatusCode.Forbidden when body.Contains("quota", StringComparison.OrdinalIgnoreCase) =>
                    new ComtradeException($"403 from Comtrade for {url}: out of call volume quota; the remaining slices run next time.", quotaExhausted: true),
                _ => new ComtradeException($"HTTP {(int)response.StatusCode} from Comtrade for {url} after retries: {TextLimits.Excerpt(body)}"),
            };
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Comtrade sent {MediaType}, not JSON, for {Url}", mediaType, url);
            throw new ComtradeException($"Comtrade sent '{mediaType}' instead of JSON for {url} (an error page?).");
        }

        var sample = SampleIndexes(response);
        var normalized = normalizer.Start(request);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var streamDisposal = stream.ConfigureAwait(false);
        ComtradeResponse envelope;
        try
        {
            envelope = await ComtradeResponseReader.ReadAsync(stream, sample, (record, json) => normalized.Add(record, json), cancellationToken).ConfigureAwait(false);
        }
        catch (ComtradeException ex)
        {
            logger.LogWarning(ex, "Unreadable Comtrade response for {Url}", url);
            throw new ComtradeException($"{ex.Message} ({url})", inner: ex);
        }

        if (!string.IsNullOrEmpty(envelope.Error))
        {
            throw new ComtradeException($"Comtrade reported an error for {url}: {envelope.Error}");
        }

        if (envelope.DeclaredCount is { } declared && declared != envelope.Records)
        {
            throw new ComtradeException($"Comtrade declared {declared} records but sent {envelope.Records} for {url} (truncated?).");
        }

        var capped = envelope.Records >= RecordCap;
        logger.LogInformation("Comtrade {Url}: {Records} records{Capped}", url, envelope.Records, capped ? " (at the cap: splitting)" : "");
        return new ComtradeFetch(envelope.Records, capped, url, normalized.Results);
    }

    /// <summary>The sample records of a replayed response; none for a response that came over the network.</summary>
    private static HashSet<int> SampleIndexes(HttpResponseMessage response) =>
        response.Content is ComtradeReplayHandler.ReplayContent && response.Headers.TryGetValues(SampleRecordsHeader, out var values)
            ? ParseSampleIndexes(string.Join(',', values), SampleIndexLimit)
            : [];

    /// <summary>
    /// Indexes and ranges (<c>0-2,7</c>) below <paramref name="limit"/>; garbage, negatives and reversed ranges are
    /// skipped, and the work is bounded by <paramref name="limit"/> whatever the text (a huge or repeated range).
    /// </summary>
    public static HashSet<int> ParseSampleIndexes(string value, int limit)
    {
        var result = new HashSet<int>();
        var budget = limit;
        foreach (var range in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = range.Split('-');
            if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            {
                continue;
            }

            var to = from;
            if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out to))
            {
                continue;
            }

            for (var i = from; i <= Math.Min(to, limit - 1); i++)
            {
                if (--budget < 0)
                {
                    return result;
                }

                result.Add(i);
            }
        }

        return result;
    }
}
