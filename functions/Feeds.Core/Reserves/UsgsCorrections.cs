namespace Feeds.Core.Reserves;

/// <summary>
/// The corrections the feed applies (data/usgs/corrections.json, embedded): unit labels USGS published wrongly, a
/// column that is not what its name says, and USGS's own revision lists. Every correction is recorded on the row it
/// changes; the published value stays beside it. Nothing else is "fixed".
/// </summary>
public sealed class UsgsCorrections
{
    public const string Resource = "usgs/corrections.json";

    private UsgsCorrections(IReadOnlyList<UnitCorrection> units, IReadOnlyList<(string Edition, string Commodity, string Column, string Reason)> discards, IReadOnlyList<UsgsRevision> revisions)
    {
        UnitLabels = units;
        Discards = discards;
        Revisions = revisions;
    }

    public IReadOnlyList<UnitCorrection> UnitLabels { get; }

    public IReadOnlyList<(string Edition, string Commodity, string Column, string Reason)> Discards { get; }

    public IReadOnlyList<UsgsRevision> Revisions { get; }

    public static UsgsCorrections Load()
    {
        using var stream = typeof(UsgsCorrections).Assembly.GetManifestResourceStream(Resource)
            ?? throw new FileNotFoundException($"{Resource} is not embedded in Feeds.Core.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var units = root.GetProperty("unitLabels").EnumerateArray()
            .Select(u => new UnitCorrection(Text(u, "edition")!, Text(u, "fileCode"), Text(u, "commodity"), Text(u, "column")!, Text(u, "correctUnit")!, Text(u, "reason")!))
            .ToList();
        var discards = root.GetProperty("discardColumns").EnumerateArray()
            .Select(d => (Text(d, "edition")!, Text(d, "commodity")!, Text(d, "column")!, Text(d, "reason")!))
            .ToList();
        var revisions = root.GetProperty("revisions").EnumerateArray()
            .Select(r => new UsgsRevision(
                Text(r, "edition")!, Text(r, "version")!, Text(r, "reposted")!, Text(r, "source")!,
                r.GetProperty("select").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase),
                Text(r, "column")!, Text(r, "from"), Text(r, "to"), Text(r, "replaceFrom"), Text(r, "replaceTo")))
            .ToList();
        return new UsgsCorrections(units, discards, revisions);
    }

    /// <summary>The unit-label correction of a column: by file code (2022–2024) or commodity (2025), or null.</summary>
    public UnitCorrection? UnitLabel(string edition, string? fileCode, string? commodity, string column) =>
        UnitLabels.FirstOrDefault(c =>
            string.Equals(c.Edition, edition, StringComparison.OrdinalIgnoreCase)
            && string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase)
            && (c.FileCode is null || string.Equals(c.FileCode, fileCode, StringComparison.OrdinalIgnoreCase))
            && (c.Commodity is null || (commodity is not null && UsgsText.Fold(c.Commodity) == UsgsText.Fold(commodity))));

    /// <summary>Why a column of a commodity is not taken at all (its values repeat another column), or null.</summary>
    public string? Discard(string edition, string commodity, string column) =>
        Discards.FirstOrDefault(d =>
            string.Equals(d.Edition, edition, StringComparison.OrdinalIgnoreCase)
            && string.Equals(d.Column, column, StringComparison.OrdinalIgnoreCase)
            && UsgsText.Fold(d.Commodity) == UsgsText.Fold(commodity)).Reason;

    /// <summary>
    /// Applies the edition's revisions to one row (cells by header name, changed in place); returns what changed, in
    /// the words a row records. A cell that already holds the revised text is left alone, so applying twice is a no-op.
    /// </summary>
    public IReadOnlyList<(string Column, string Text)> Revise(string edition, IDictionary<string, string> cells)
    {
        List<(string, string)>? applied = null;
        foreach (var revision in Revisions)
        {
            if (!string.Equals(revision.Edition, edition, StringComparison.OrdinalIgnoreCase)
                || !cells.TryGetValue(revision.Column, out var cell)
                || !revision.Select.All(s => cells.TryGetValue(s.Key, out var v) && UsgsText.Clean(v) == UsgsText.Clean(s.Value)))
            {
                continue;
            }

            var current = UsgsText.Clean(cell);
            if (revision.From is not null && revision.To is not null && current == UsgsText.Clean(revision.From))
            {
                cells[revision.Column] = revision.To;
                (applied ??= []).Add((revision.Column, revision.Describe(revision.From, revision.To)));
            }
            else if (revision.ReplaceFrom is not null && revision.ReplaceTo is not null && current.Contains(revision.ReplaceFrom, StringComparison.Ordinal))
            {
                cells[revision.Column] = current.Replace(revision.ReplaceFrom, revision.ReplaceTo, StringComparison.Ordinal);
                (applied ??= []).Add((revision.Column, revision.Describe(revision.ReplaceFrom, revision.ReplaceTo)));
            }
        }

        return applied ?? (IReadOnlyList<(string, string)>)[];
    }
}
