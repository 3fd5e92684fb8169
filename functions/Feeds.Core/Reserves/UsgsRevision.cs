namespace Feeds.Core.Reserves;

/// <summary>
/// One edit of a USGS revision list (data/usgs/corrections.json): the rows it selects (header name → cell), the
/// column, and either the whole cell (<see cref="From"/> → <see cref="To"/>, applied only when the cell is exactly
/// <see cref="From"/>) or a substring of it.
/// </summary>
public sealed record UsgsRevision(
    string Edition,
    string Version,
    string Reposted,
    string Source,
    IReadOnlyDictionary<string, string> Select,
    string Column,
    string? From,
    string? To,
    string? ReplaceFrom,
    string? ReplaceTo)
{
    /// <summary>What a corrected row records: which revision, and the cell from → to.</summary>
    public string Describe(string from, string to) => $"{Edition} v{Version} ({Reposted}): {Column} '{from}' -> '{to}' ({Source})";
}
