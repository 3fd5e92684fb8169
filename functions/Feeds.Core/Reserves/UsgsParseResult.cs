using Feeds.Core.Pipeline;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// What one file gave: its layout and encoding, the records read, and each record's outcome (a normalized row, a
/// salient row, or a quarantined record). <see cref="Read"/> is counted as records are met, separately from the outcomes.
/// </summary>
public sealed record UsgsParseResult(
    string File,
    string Layout,
    string Encoding,
    long Read,
    IReadOnlyList<ReservesRow> Rows,
    IReadOnlyList<SalientRow> Salient,
    IReadOnlyList<QuarantinedRecord> Quarantined)
{
    public bool AddsUp => Rows.Count + Salient.Count + Quarantined.Count == Read;
}
