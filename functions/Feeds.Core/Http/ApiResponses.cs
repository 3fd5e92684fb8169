using System.Security.Cryptography;
using System.Text.Encodings.Web;
using CsvHelper;
using Microsoft.AspNetCore.WebUtilities;

namespace Feeds.Core.Http;

/// <summary>Renders JSON, CSV and problem responses with ETag, Cache-Control and paging links.</summary>
public static class ApiResponses
{
    public const string JsonContentType = "application/json; charset=utf-8", CsvContentType = "text/csv; charset=utf-8",
        ProblemContentType = "application/problem+json; charset=utf-8";

    /// <summary>Problem type URIs: stable identifiers (documented in docs/api.md), not links.</summary>
    public const string ProblemTypePrefix = "tag:feeds,2026:problem:";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="body">Serialized with <see cref="JsonOptions"/>.</param>
    /// <param name="cacheControl">The Cache-Control value.</param>
    /// <param name="status">The status code.</param>
    /// <param name="validator">Whether to send an ETag (and answer If-None-Match); live views such as health do not.</param>
    public static ApiResult Json(object body, string cacheControl, int status = StatusCodes.Status200OK, bool validator = true)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions);
        return new ApiResult(status, JsonContentType, bytes) { ETag = validator ? ETagOf(bytes) : null, CacheControl = cacheControl };
    }

    /// <summary>
    /// A list response: pages <paramref name="items"/> (limit, continuation), then JSON with the envelope fields,
    /// <c>count</c> (all matching items), <c>items</c> and <c>continuation</c> when there is more; or CSV. Both carry
    /// <c>Link: &lt;…&gt;; rel="next"</c> when there is more.
    /// </summary>
    public static ApiResult List<T>(
        ApiQuery query,
        IReadOnlyList<T> items,
        IReadOnlyDictionary<string, object?> envelope,
        CsvTable<T> csv,
        string cacheControl,
        string csvFileName)
    {
        var offset = 0;
        if (ContinuationToken.Read(query) is { } position
            && !(int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset <= items.Count))
        {
            // Issued for this query, but the data changed under it.
            throw ContinuationToken.Foreign();
        }

        var page = items.Skip(offset).Take(query.Limit).ToList();
        var next = offset + page.Count < items.Count
            ? ContinuationToken.Issue(query, (offset + page.Count).ToString(CultureInfo.InvariantCulture))
            : null;
        return Page(query, page, items.Count, next, envelope, csv, cacheControl, csvFileName);
    }

    /// <summary>
    /// One page of a list whose paging is done elsewhere (a table query's continuation): <c>count</c> is given when
    /// known, <c>continuation</c> and the Link header when <paramref name="next"/> is set.
    /// </summary>
    public static ApiResult Page<T>(
        ApiQuery query,
        IReadOnlyList<T> page,
        int? count,
        string? next,
        IReadOnlyDictionary<string, object?> envelope,
        CsvTable<T> csv,
        string cacheControl,
        string csvFileName)
    {
        var link = next is null ? null : $"<{NextUrl(query.Request, next)}>; rel=\"next\"";

        if (query.Format == ResponseFormat.Csv)
        {
            var bytes = RenderCsv(csv.Header, page.Select(csv.Row));
            return new ApiResult(StatusCodes.Status200OK, CsvContentType, bytes)
            {
                ETag = ETagOf(bytes),
                CacheControl = cacheControl,
                Link = link,
                ContentDisposition = $"inline; filename=\"{csvFileName}.csv\"",
            };
        }

        var body = new Dictionary<string, object?>(envelope);
        if (count is not null)
        {
            body["count"] = count;
        }

        body["items"] = page;
        if (next is not null)
        {
            body["continuation"] = next;
        }

        return Json(body, cacheControl) with { Link = link };
    }

    public static ApiResult Problem(HttpRequest request, ApiException problem) =>
        Problem(request, problem.Status, problem.ProblemType, problem.Title, problem.Message, problem.Parameter);

    public static ApiResult Problem(HttpRequest request, int status, string type, string title, string detail, string? parameter = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = ProblemTypePrefix + type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            // The path only: the query may carry a function key (code=) or anything else a client should not see echoed.
            ["instance"] = request.PathBase.Value + request.Path.Value,
        };
        if (parameter is not null)
        {
            body["parameter"] = parameter;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions);
        return new ApiResult(status, ProblemContentType, bytes) { CacheControl = CachePolicies.None };
    }

    /// <summary>One record as CSV (a detail route), with the same validators as a list.</summary>
    public static ApiResult CsvRecord(IReadOnlyList<string> header, IEnumerable<string?> row, string cacheControl)
    {
        var bytes = RenderCsv(header, [row]);
        return new ApiResult(StatusCodes.Status200OK, CsvContentType, bytes) { ETag = ETagOf(bytes), CacheControl = cacheControl };
    }

    /// <summary>RFC 4180 CSV, invariant culture, UTF-8 without BOM.</summary>
    public static byte[] RenderCsv(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A strong validator: a hash of exactly the bytes sent.</summary>
    public static string ETagOf(ReadOnlySpan<byte> bytes) =>
        "\"" + Base64UrlTextEncoder.Encode(SHA256.HashData(bytes)[..18]) + "\"";

    /// <summary>
    /// The next page as a relative reference (RFC 8288 allows one): built from the path, never from the Host header a
    /// client or proxy controls, and without a function key.
    /// </summary>
    private static string NextUrl(HttpRequest request, string continuation)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["continuation"] = continuation;
        var pairs = query.Where(kv => kv.Key != "code")
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString()));
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", pairs);
    }
}
