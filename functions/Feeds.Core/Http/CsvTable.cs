namespace Feeds.Core.Http;

/// <summary>How a list route's items become CSV: the header and one row of cells per item.</summary>
public sealed record CsvTable<T>(IReadOnlyList<string> Header, Func<T, IEnumerable<string?>> Row);
