using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace Feeds.Core.Http;

/// <summary>
/// Reads and validates a request's query string. Every failure is an <see cref="ApiException"/> naming the
/// parameter, so bad input gets a 400 and never a 500. Unknown parameters are rejected too (a typo such as
/// <c>list=</c> for <c>lists=</c> would otherwise silently return everything), except the function key
/// <c>code</c> and cache-busters starting with an underscore. The parameters every route shares (<c>format</c>,
/// <c>limit</c>, <c>continuation</c>) are read at once, so a bad one fails before any storage is touched.
/// </summary>
public sealed class ApiQuery
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
    private const int MaxValueLength = 200;

    /// <summary>Parameters every list route understands.</summary>
    public static IReadOnlyList<string> CommonParameters { get; } = ["format", "limit", "continuation"];

    private readonly IQueryCollection _query;

    public ApiQuery(HttpRequest request, params string[] allowed)
    {
        Request = request;
        _query = request.Query;
        var known = new HashSet<string>(allowed.Concat(CommonParameters), StringComparer.OrdinalIgnoreCase);
        DocumentedNames = true;
        foreach (var (key, values) in _query)
        {
            if (!key.StartsWith('_') && key != "code" && !allowed.Concat(CommonParameters).Contains(key, StringComparer.Ordinal))
            {
                DocumentedNames = false; // a known parameter in another case (names are read case-insensitively)
            }

            if (!known.Contains(key) && key != "code" && !key.StartsWith('_'))
            {
                throw ApiException.BadParameter(key, $"'{key}' is not a parameter of this route; it takes {string.Join(", ", allowed.Concat(CommonParameters))}.");
            }

            if (values.Count > 1)
            {
                throw ApiException.BadParameter(key, $"'{key}' is given {values.Count} times; give it once (lists are comma-separated).");
            }

            if ((values.ToString()?.Length ?? 0) > MaxValueLength)
            {
                throw ApiException.BadParameter(key, $"'{key}' is longer than {MaxValueLength} characters.");
            }
        }

        Format = ReadFormat();
        Limit = Count("limit", DefaultLimit, MaxLimit);
        Continuation = Optional("continuation");
    }

    public HttpRequest Request { get; }

    /// <summary>
    /// Whether every parameter is spelled exactly as documented (or is <c>code</c> or an <c>_</c> cache-buster). Front
    /// Door's cache key holds the documented names only, so an answer to another spelling is not stored there.
    /// </summary>
    public bool DocumentedNames { get; }

    /// <summary>JSON unless <c>format=csv</c>, or an Accept header that prefers text/csv (q-values honoured).</summary>
    public ResponseFormat Format { get; }

    /// <summary>Items per page: <c>limit</c>, 1 to <see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>.</summary>
    public int Limit { get; }

    public string? Continuation { get; }

    /// <summary>
    /// What a continuation token is bound to: the route's path and its query parameters, names folded to lower case
    /// and sorted, format, limit and continuation left out.
    /// </summary>
    public string Binding => (Request.Path.Value ?? "").ToLowerInvariant() + "?" + string.Join('&', _query
        .Where(p => p.Key.ToLowerInvariant() is not ("continuation" or "format" or "limit"))
        .Select(p => (Key: p.Key.ToLowerInvariant(), Value: p.Value.ToString().Trim()))
        .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => p.Key + "=" + p.Value));

    public string? Optional(string name)
    {
        var value = _query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Required(string name) =>
        Optional(name) ?? throw ApiException.BadParameter(name, $"'{name}' is required.");

    /// <summary>A comma-separated list, upper-cased, without blanks or repeats.</summary>
    public IReadOnlyList<string> UpperList(string name) =>
        Optional(name) is { } value
            ? [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.ToUpperInvariant()).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>One of a fixed set of words (case-insensitive), returned as the set spells it.</summary>
    public string? OneOf(string name, params string[] choices)
    {
        var value = Optional(name);
        if (value is null)
        {
            return null;
        }

        var match = choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        return match ?? throw ApiException.BadParameter(name, $"'{name}' must be one of {string.Join(", ", choices)}; got '{value}'.");
    }

    /// <summary><c>true</c> or <c>false</c> (case-insensitive); absent is false.</summary>
    public bool Flag(string name) => OneOf(name, "true", "false") == "true";

    /// <summary>An ISO3 code, upper-cased (<paramref name="alsoAllowed"/> names words accepted besides, such as WORLD).</summary>
    public string? Iso3(string name, params string[] alsoAllowed)
    {
        var value = Optional(name)?.ToUpperInvariant();
        if (value is null || Identifiers.Iso3().IsMatch(value) || alsoAllowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        var also = alsoAllowed.Length == 0 ? "" : $", or {string.Join(" / ", alsoAllowed)}";
        throw ApiException.BadParameter(name, $"'{name}' must be an ISO3 code such as IND or USA{also}; got '{value}'.");
    }

    /// <summary>A mineral id (lower-cased): the shape only; whether the catalog has it is the route's question.</summary>
    public string? MineralId(string name) => Shaped(name, Optional(name)?.ToLowerInvariant(), Identifiers.MineralId(), "a mineral id such as lithium");

    /// <summary>An HS 6-digit code.</summary>
    public string? Hs6(string name) => Shaped(name, Optional(name), Identifiers.Hs6(), "a six-digit HS code");

    /// <summary>A USGS edition (upper-cased), such as MCS2026.</summary>
    public string? Edition(string name) => Shaped(name, Optional(name)?.ToUpperInvariant(), Identifiers.Edition(), "an MCS edition such as MCS2024");

    /// <summary>A trade flow: M (imports) or X (exports), upper-cased.</summary>
    public string? Flow(string name) => OneOf(name, "M", "X");

    /// <summary>A USGS product slug (lower-cased).</summary>
    public string? ProductSlug(string name) => Shaped(name, Optional(name)?.ToLowerInvariant(), Identifiers.ProductSlug(), "a product slug such as main or sponge-metal");

    /// <summary>A year from <see cref="Identifiers.FirstYear"/> to <see cref="Identifiers.LastYear"/>.</summary>
    public int? Year(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= Identifiers.FirstYear and <= Identifiers.LastYear
            ? year
            : throw ApiException.BadParameter(name, $"'{name}' must be a year from {Identifiers.FirstYear} to {Identifiers.LastYear}; got '{text}'.");
    }

    /// <summary>A month as <c>yyyy-MM</c>, within the years every route accepts.</summary>
    public (int Year, int Month)? YearMonth(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= Identifiers.FirstYear and <= Identifiers.LastYear
            ? (month.Year, month.Month)
            : throw ApiException.BadParameter(name, $"'{name}' must be a month as yyyy-MM (2023-08) from {Identifiers.FirstYear} to {Identifiers.LastYear}; got '{text}'.");
    }

    /// <summary>A day, yyyy-MM-dd, in the years <see cref="Year"/> accepts.</summary>
    public DateOnly? Date(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= Identifiers.FirstYear and <= Identifiers.LastYear
            ? day
            : throw ApiException.BadParameter(name, $"'{name}' must be a date yyyy-MM-dd from {Identifiers.FirstYear} to {Identifiers.LastYear}; got '{text}'.");
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public int Count(string name, int fallback, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
            ? n
            : throw ApiException.BadParameter(name, $"'{name}' must be a whole number from 1 to {max}; got '{text}'.");
    }

    private static string? Shaped(string name, string? value, Regex pattern, string what) =>
        value is null || pattern.IsMatch(value) ? value : throw ApiException.BadParameter(name, $"'{name}' must be {what}; got '{value}'.");

    private ResponseFormat ReadFormat()
    {
        var format = OneOf("format", "json", "csv");
        if (format is not null)
        {
            return format == "csv" ? ResponseFormat.Csv : ResponseFormat.Json;
        }

        var accept = Request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return ResponseFormat.Json;
        }

        var (csv, json) = (Quality(accept, "text", "csv"), Quality(accept, "application", "json"));
        if (csv <= 0 && json <= 0)
        {
            throw new ApiException(StatusCodes.Status406NotAcceptable, "not-acceptable", "Not acceptable",
                $"Accept '{Request.Headers.Accept}' allows neither representation this route has: application/json and text/csv (or format=json|csv).");
        }

        return csv > json ? ResponseFormat.Csv : ResponseFormat.Json;
    }

    /// <summary>The q-value the most specific matching Accept entry gives a media type (0 when none matches).</summary>
    private static double Quality(IList<MediaTypeHeaderValue> accept, string type, string subtype)
    {
        (int Specificity, double Quality) best = (-1, 0);
        foreach (var entry in accept)
        {
            var entryType = entry.Type.Value ?? "";
            var entrySubtype = entry.SubType.Value ?? "";
            var specificity = entryType == "*" ? 0
                : !entryType.Equals(type, StringComparison.OrdinalIgnoreCase) ? -1
                : entrySubtype == "*" ? 1
                : entrySubtype.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
            if (specificity > best.Specificity)
            {
                best = (specificity, entry.Quality ?? 1);
            }
        }

        return best.Quality;
    }
}
