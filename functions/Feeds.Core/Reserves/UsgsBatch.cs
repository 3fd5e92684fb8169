namespace Feeds.Core.Reserves;

/// <summary>
/// The outcomes of one group of records of a file (a commodity's rows, or a whole small file), handed to the feed as
/// soon as the group is read so memory holds one group: records read, and each one's outcome — a reserves row, a
/// salient row, a quarantined record, out of scope (with the names that were), or superseded (a value USGS repeats
/// elsewhere and the corrections say not to take).
/// </summary>
public sealed class UsgsBatch(string file, string layout, string encoding)
{
    public string File { get; } = file;
    public string Layout { get; } = layout;
    public string Encoding { get; } = encoding;
    public long Read { get; private set; }
    public long OutOfScope { get; private set; }
    public long Superseded { get; private set; }
    public List<ReservesRow> Rows { get; } = [];
    public List<SalientRow> Salient { get; } = [];
    public List<QuarantinedRecord> Quarantined { get; } = [];
    public SortedSet<string> OutOfScopeNames { get; } = new(StringComparer.Ordinal);

    /// <summary>A record met (its outcome is added separately).</summary>
    public void Count(long records = 1) => Read += records;

    public void Add(ReservesRow row) => Rows.Add(row);

    public void Add(SalientRow row) => Salient.Add(row);

    public void OutOfScopeRecords(string name, long records = 1)
    {
        OutOfScope += records;
        OutOfScopeNames.Add(name);
    }

    public void SupersededRecords(long records = 1) => Superseded += records;

    /// <summary>Quarantines one record that was already counted as read.</summary>
    public void Quarantine(CsvRecord record, string? column, string reason)
    {
        var location = column is null ? $"line {record.Line}" : $"line {record.Line}, column {column}";
        Quarantined.Add(new QuarantinedRecord(File, location, reason, record.Raw));
    }
}
