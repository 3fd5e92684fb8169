namespace Feeds.Core.Reserves;

/// <summary>
/// What one file gave, all groups together: its layout and encoding, the records read, and each record's outcome (a
/// reserves row, a salient row, a quarantined record, out of scope, superseded). For tests and tools; the feed takes
/// the groups one by one (<see cref="UsgsParser.ParseBatches"/>).
/// </summary>
public sealed record UsgsParseResult(
    string File,
    string Layout,
    string Encoding,
    long Read,
    IReadOnlyList<ReservesRow> Rows,
    IReadOnlyList<SalientRow> Salient,
    IReadOnlyList<QuarantinedRecord> Quarantined,
    long OutOfScope,
    long Superseded,
    IReadOnlySet<string> OutOfScopeNames)
{
    public bool AddsUp => Rows.Count + Salient.Count + Quarantined.Count + OutOfScope + Superseded == Read;

    public static UsgsParseResult Of(string file, IEnumerable<UsgsBatch> batches)
    {
        var all = batches.ToList();
        var names = new SortedSet<string>(all.SelectMany(b => b.OutOfScopeNames), StringComparer.Ordinal);
        return new UsgsParseResult(
            file, all.FirstOrDefault()?.Layout ?? UsgsParser.EmptyLayout, all.FirstOrDefault()?.Encoding ?? "", all.Sum(b => b.Read),
            [.. all.SelectMany(b => b.Rows)], [.. all.SelectMany(b => b.Salient)], [.. all.SelectMany(b => b.Quarantined)],
            all.Sum(b => b.OutOfScope), all.Sum(b => b.Superseded), names);
    }
}
