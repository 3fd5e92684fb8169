namespace Feeds.Core.Http;

/// <summary>How values become CSV cells on every route: invariant culture, shortest round-trip numbers, lower-case booleans.</summary>
public static class CsvCells
{
    public static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string? Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Any value as invariant text (none: empty; booleans lower-case; numbers shortest round-trip).</summary>
    public static string Invariant(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => Bool(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A list in one cell, <c>;</c>-separated.</summary>
    public static string List(IEnumerable<string> values) => string.Join(';', values);
}
