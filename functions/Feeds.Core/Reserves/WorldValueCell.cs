namespace Feeds.Core.Reserves;

/// <summary>
/// A value cell of a 2022–2025 world file, read the way both layouts read it: the stage and measure from the row's
/// Type and the column, the year (reserves carry none in most files: the edition's reference year, MCS2024 → 2023),
/// the column's notes, whether the figure is an estimate (column, country mark or notes) and the parsed value.
/// </summary>
internal sealed record WorldValueCell(string? Stage, string Measure, int Year, string? Notes, bool Estimated, string Cell, UsgsValue Value)
{
    /// <summary>The cell read, or null when its value is unreadable (then quarantined with the reason).</summary>
    public static WorldValueCell? Read(
        UsgsBatch batch, CsvRecord record, ColumnLayout columns, ValueColumn column, string edition, string type, UsgsCountryMatch country)
    {
        var stage = column.Kind == ColumnKind.Production ? UsgsWording.Stage(type) : null;
        var year = column.Year ?? int.Parse(edition.AsSpan(3), CultureInfo.InvariantCulture) - 1;
        var notes = columns.NotesFor(column.Kind) is { } notesColumn ? UsgsFileContext.NullIfEmpty(UsgsText.Clean(UsgsFileContext.Cell(record, notesColumn))) : null;
        var estimated = column.Estimated || country.Country.EstimateMark || UsgsFileContext.NotesSayEstimated(notes, year);
        var cell = UsgsFileContext.Cell(record, column.Index);
        var value = UsgsValueParser.Parse(cell, estimated);
        if (!value.IsReadable)
        {
            batch.Quarantine(record, column.Header, value.Error!);
            return null;
        }

        var measure = column.Kind switch
        {
            ColumnKind.Capacity => UsgsMeasure.Capacity,
            ColumnKind.Reserves => UsgsMeasure.Reserves,
            _ => UsgsWording.ProductionMeasure(stage),
        };
        return new WorldValueCell(stage, measure, year, notes, estimated, cell, value);
    }
}
