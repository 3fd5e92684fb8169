namespace Feeds.Core.Catalog;

/// <summary>
/// Where a reference-data check stands (file, entry, path inside the entry) and the checks every loader makes of a
/// field: present, a date. A failure is a <see cref="CatalogException"/> naming the place.
/// </summary>
internal sealed record CatalogCheck(string File, string Entry, string Path = "")
{
    public CatalogCheck At(string path) => this with { Path = Path.Length == 0 ? path : $"{Path}.{path}" };

    public T Fail<T>(string problem) =>
        throw new CatalogException(File, Entry, Path.Length == 0 ? problem : $"{Path}: {problem}");

    public void Fail(string problem) => Fail<bool>(problem);

    public string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? Fail<string>($"missing {field}.") : value;

    public DateOnly Date(string? value, string field) =>
        OptionalDate(value, field) ?? Fail<DateOnly>($"missing {field}.");

    public DateOnly? OptionalDate(string? value, string field) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : Fail<DateOnly>($"{field} '{value}' is not a date (yyyy-MM-dd).");
}
