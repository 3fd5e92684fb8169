using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Feeds.Core.Http;

/// <summary>
/// Reads and validates a request's query string. Every failure is an <see cref="ApiException"/> naming the
/// parameter, so bad input gets a 400 and never a 500. Unknown parameters are rejected too (a typo such as
/// <c>list=</c> for <c>lists=</c> would otherwise silently return everything), except the function key
/// <c>code</c> and cache-busters starting with an underscore.
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
        foreach (var (key, values) in _query)
        {
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
    }

    public HttpRequest Request { get; }

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

    /// <summary>One of a fixed set of words (case-insensitive), returned lower-case.</summary>
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

    public int Limit()
    {
        var value = Optional("limit");
        if (value is null)
        {
            return DefaultLimit;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw ApiException.BadParameter("limit", $"'limit' must be a whole number from 1 to {MaxLimit}; got '{value}'.");
    }

    /// <summary>JSON unless <c>format=csv</c> or an Accept header that prefers text/csv.</summary>
    public ResponseFormat Format()
    {
        var format = OneOf("format", "json", "csv");
        if (format is not null)
        {
            return format == "csv" ? ResponseFormat.Csv : ResponseFormat.Json;
        }

        var accept = Request.Headers.Accept.ToString();
        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            ? ResponseFormat.Csv
            : ResponseFormat.Json;
    }
}
