namespace Feeds.Core.Reserves;

/// <summary>
/// The MCS 2025 World Data file: one wide file for every commodity (<c>COMMODITY</c>, <c>TYPE</c>, <c>UNIT_MEAS</c>,
/// <c>PROD_2023</c>, <c>PROD_EST_ 2024</c>, <c>CAP_…</c>, <c>RESERVES_2024</c> and their notes). Rows of a commodity are
/// contiguous and read as one group, because the group decides things a row cannot: which of the shared columns the
/// commodity's table has (a column blank for the whole group is not part of it: no records), which Types are product
/// series (those with their own World total), and a note that restates a column's unit ("Reserve data is thousand
/// metric tons") for the whole column. A record is one value cell of a column the commodity has.
/// </summary>
internal static class WorldData2025Parser
{
    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, ColumnLayout columns, IEnumerable<CsvRecord> records)
    {
        var group = new List<CsvRecord>();
        string? current = null;
        foreach (var record in records.Where(r => !r.IsBlank))
        {
            var key = record.Malformed ? current ?? "" : UsgsText.Fold(UsgsFileContext.Cell(record, columns.Commodity!.Value));
            if (current is not null && key != current && group.Count > 0)
            {
                yield return Group(file, columns, group);
                group = [];
            }

            current = key;
            group.Add(record);
        }

        if (group.Count > 0)
        {
            yield return Group(file, columns, group);
        }
    }

    private static UsgsBatch Group(UsgsFileContext file, ColumnLayout columns, List<CsvRecord> rows)
    {
        var batch = file.Batch(UsgsParser.World2025Layout);
        var good = rows.Where(r => !r.Malformed && r.Fields.Count >= columns.RequiredFields).ToList();
        var commodityName = good.Count > 0 ? UsgsText.Clean(UsgsFileContext.Cell(good[0], columns.Commodity!.Value)) : "";
        var commodity = file.Commodities.ByName(commodityName);

        // The columns of each of the commodity's tables (a Type): a value or a note carrying a symbol in at least one of its rows.
        var presentByType = good.GroupBy(r => UsgsText.Fold(UsgsFileContext.Cell(r, columns.Type)), StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => columns.Values.Where(c => g.Any(r => UsgsText.Clean(UsgsFileContext.Cell(r, c.Index)).Length > 0
                || (columns.NotesFor(c.Kind) is { } n && UsgsValueParser.SymbolFromNotes(UsgsFileContext.Cell(r, n), c.Year) is not null))).ToList(),
            StringComparer.Ordinal);
        var worldProducts = good.Where(r => file.Countries.Match(UsgsFileContext.Cell(r, columns.Country))?.Country.Key == UsgsCountry.WorldKey)
            .Select(r => UsgsWording.Split(UsgsText.Clean(UsgsFileContext.Cell(r, columns.Type)), [commodityName, .. commodityName.Split(' ')]).Product)
            .ToHashSet(StringComparer.Ordinal);
        var typeProducts = good.Select(r => UsgsWording.Split(UsgsText.Clean(UsgsFileContext.Cell(r, columns.Type)), [commodityName, .. commodityName.Split(' ')]).Product)
            .ToHashSet(StringComparer.Ordinal);
        var unitNotes = ColumnUnitNotes(columns, good);

        foreach (var record in rows)
        {
            if (record.Malformed)
            {
                batch.Count();
                batch.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            var present = presentByType.GetValueOrDefault(UsgsText.Fold(UsgsFileContext.Cell(record, columns.Type))) ?? columns.Values;
            batch.Count(present.Count);
            if (present.Count == 0)
            {
                continue;
            }

            if (record.Fields.Count < columns.RequiredFields)
            {
                Quarantine(batch, record, present, $"line has {record.Fields.Count} fields; the header needs {columns.RequiredFields}");
                continue;
            }

            var edition = file.Edition(UsgsFileContext.Cell(record, columns.Source));
            if (edition is null)
            {
                Quarantine(batch, record, present, "no MCS edition in the SOURCE cell or the file name");
                continue;
            }

            if (!commodity.InScope)
            {
                batch.OutOfScopeRecords(commodity.Name, present.Count);
                continue;
            }

            var countryCell = UsgsFileContext.Cell(record, columns.Country);
            if (file.Countries.Match(countryCell) is not { } country)
            {
                Quarantine(batch, record, present, $"country '{UsgsText.Clean(countryCell)}' is not in the catalog (name, USGS spellings or aggregates)");
                continue;
            }

            var unitCell = UsgsFileContext.Cell(record, columns.UnitMeasure!.Value);
            var rowUnit = UsgsUnits.FromWords(unitCell) ?? UsgsUnits.Tons;
            var type = UsgsText.Clean(UsgsFileContext.Cell(record, columns.Type));
            var (product, coverage, basis) = UsgsFileContext.OfType(type, [commodity.Name, .. commodity.Name.Split(' ')], worldProducts, typeProducts);
            foreach (var column in present)
            {
                AddValue(file, batch, record, columns, column, unitNotes, new Row(
                    edition, commodity, country, UsgsText.Clean(countryCell), type, product, coverage, basis, rowUnit, UsgsText.Clean(unitCell)));
            }
        }

        return batch;
    }

    private static void AddValue(UsgsFileContext file, UsgsBatch batch, CsvRecord record, ColumnLayout columns, ValueColumn column, Dictionary<ColumnKind, (UsgsUnit Unit, string Note)> unitNotes, Row row)
    {
        if (file.Corrections.Discard(row.Edition, row.Commodity.Name, column.Header) is not null)
        {
            // The column repeats another one (data/usgs/corrections.json): the value is there already.
            batch.SupersededRecords();
            return;
        }

        if (WorldValueCell.Read(batch, record, columns, column, row.Edition, row.Type, row.Country) is not { } read)
        {
            return;
        }

        var (stage, measure, year, notes, estimated, cell, value) = read;
        var fromNotes = false;
        if (UsgsText.Clean(cell).Length == 0)
        {
            // MCS 2025 leaves the value blank and writes the symbol in the notes ("W for 23-24", "NA", "Large").
            var noted = UsgsValueParser.SymbolFromNotes(notes, column.Year) ?? (measure == UsgsMeasure.Reserves ? UsgsValueParser.FromNotes(notes, estimated) : null);
            if (noted is not null)
            {
                value = noted;
                fromNotes = true;
            }
        }

        var unit = row.Unit;
        string? unitCorrection = null;
        if (file.Corrections.UnitLabel(row.Edition, null, row.Commodity.Name, column.Header) is { } fix && UnitOf(fix.CorrectUnit) is { } fixedUnit)
        {
            unit = fixedUnit;
            unitCorrection = $"{row.UnitPublished} -> {unit.Name}: {fix.Reason}";
        }
        else if (unitNotes.TryGetValue(column.Kind, out var noted) && noted.Unit.Name != unit.Name)
        {
            unit = noted.Unit;
            unitCorrection = $"{row.UnitPublished} -> {unit.Name}: the {column.Kind.ToString().ToLowerInvariant()} notes say '{noted.Note}'";
        }

        var (placed, coverage) = UsgsFileContext.Placement(row.Product, row.Coverage, row.Country, row.Commodity);

        var excludes = UsgsFileContext.WorldExcludes(row.Country, notes);
        batch.Add(new ReservesRow(
            row.Commodity.MineralId!, row.Commodity.Name, row.Edition, measure, stage, placed, year, row.Country.Country, row.CountryPublished,
            UsgsFileContext.Tons(value.Number, unit), UsgsFileContext.Tons(value.High, unit), value.Qualifier, estimated || value.Qualifier == UsgsQualifier.Estimated,
            row.Country.Rounded, value.Published, row.UnitPublished, unit.Token, unitCorrection, row.Commodity.Spelling,
            UsgsFileContext.Basis(row.Basis, unit.Basis), coverage, row.Type, notes, fromNotes, excludes, file.File, record.Line, column.Header));
    }

    /// <summary>A column's unit restated in its notes on any row of the group, for the whole column.</summary>
    private static Dictionary<ColumnKind, (UsgsUnit Unit, string Note)> ColumnUnitNotes(ColumnLayout columns, List<CsvRecord> rows)
    {
        var result = new Dictionary<ColumnKind, (UsgsUnit, string)>();
        foreach (var kind in Enum.GetValues<ColumnKind>())
        {
            if (columns.NotesFor(kind) is not { } index)
            {
                continue;
            }

            foreach (var note in rows.Select(r => UsgsText.Clean(UsgsFileContext.Cell(r, index))).Where(n => n.Length > 0))
            {
                var match = UsgsPatterns.UnitNote().Match(note);
                if (match.Success && UsgsUnits.FromWords(match.Groups["unit"].Value) is { TonsPer: not null } unit)
                {
                    result.TryAdd(kind, (unit, note));
                    break;
                }
            }
        }

        return result;
    }

    private static UsgsUnit? UnitOf(string token) => UsgsUnits.FromToken(token) ?? UsgsUnits.FromWords(token);

    private static void Quarantine(UsgsBatch batch, CsvRecord record, IEnumerable<ValueColumn> columns, string reason)
    {
        foreach (var column in columns)
        {
            batch.Quarantine(record, column.Header, reason);
        }
    }

    private sealed record Row(
        string Edition, UsgsCommodity Commodity, UsgsCountryMatch Country, string CountryPublished, string Type, string Product,
        string? Coverage, string? Basis, UsgsUnit Unit, string UnitPublished);
}
