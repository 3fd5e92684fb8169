namespace Feeds.Core.Reserves;

/// <summary>
/// The MCS 2022–2024 per-commodity world files (<c>mcs2024-lithi_world.csv</c>): the commodity is the file-name code,
/// units, years, estimate marks and product words are in the column names (<c>Prod_kt_est_2023</c>,
/// <c>Reserves_ore_K2O_equiv_kt</c>, <c>Cap_Sponge_t_2023</c>), the stage in the Type. A record is one value cell. A
/// file small enough to be one group.
/// </summary>
internal static class PerCommodityWorldParser
{
    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, ColumnLayout columns, IEnumerable<CsvRecord> records)
    {
        var batch = file.Batch(UsgsParser.PerCommodityLayout);
        var data = records.Where(r => !r.IsBlank).ToList();
        var name = UsgsPatterns.FileNamePattern().Match(file.OwnName);
        var code = name.Success ? name.Groups["code"].Value.ToLowerInvariant() : null;
        var commodity = code is null ? null : file.Commodities.ByFileCode(code);

        // Types with a World total row of their own are product series when there are at least two (platinum / palladium).
        var names = commodity is null ? [] : (string[])[commodity.Name, code!, .. CommodityWords(commodity.Name)];
        var worldProducts = data.Where(r => !r.Malformed && file.Countries.Match(UsgsFileContext.Cell(r, columns.Country))?.Country.Key == UsgsCountry.WorldKey)
            .Select(r => UsgsWording.Split(TypeOf(r, columns), names).Product).ToHashSet(StringComparer.Ordinal);
        var typeProducts = data.Where(r => !r.Malformed).Select(r => UsgsWording.Split(TypeOf(r, columns), names).Product).ToHashSet(StringComparer.Ordinal);

        foreach (var record in data)
        {
            if (record.Malformed)
            {
                batch.Count();
                batch.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            batch.Count(columns.Values.Count);
            var rowError = RowError(record, columns);
            var edition = file.Edition(UsgsFileContext.Cell(record, columns.Source));
            rowError ??= edition is null ? $"no MCS edition in the Source cell '{UsgsText.Clean(UsgsFileContext.Cell(record, columns.Source))}' or the file name" : null;
            rowError ??= code is null ? "the file name does not give the MCS commodity code (mcs20xx-<code>_world.csv)" : null;
            if (rowError is not null)
            {
                QuarantineValues(batch, record, columns, rowError);
                continue;
            }

            if (commodity is not { InScope: true })
            {
                batch.OutOfScopeRecords(commodity?.Name ?? $"file code '{code}'", columns.Values.Count);
                continue;
            }

            var countryCell = UsgsFileContext.Cell(record, columns.Country);
            if (file.Countries.Match(countryCell) is not { } country)
            {
                QuarantineValues(batch, record, columns, $"country '{UsgsText.Clean(countryCell)}' is not in the catalog (name, USGS spellings or aggregates)");
                continue;
            }

            var type = TypeOf(record, columns);
            var (product, coverage, basis) = UsgsFileContext.OfType(type, names, worldProducts, typeProducts);
            foreach (var column in columns.Values)
            {
                AddValue(file, batch, record, columns, column, new Row(
                    edition!, commodity, code!, country, UsgsText.Clean(countryCell), type, product, coverage, basis));
            }
        }

        yield return batch;
    }

    private static void AddValue(UsgsFileContext file, UsgsBatch batch, CsvRecord record, ColumnLayout columns, ValueColumn column, Row row)
    {
        if (WorldValueCell.Read(batch, record, columns, column, row.Edition, row.Type, row.Country) is not { } read)
        {
            return;
        }

        var (stage, measure, year, notes, estimated, cell, value) = read;
        var fromNotes = false;
        if (value.Number is null && value.Qualifier == UsgsQualifier.NotAvailable)
        {
            var noted = (measure == UsgsMeasure.Reserves ? UsgsValueParser.FromNotes(notes, estimated) : null)
                ?? (UsgsText.Clean(cell).Length == 0 ? UsgsValueParser.SymbolFromNotes(notes, year) : null);
            if (noted is not null)
            {
                value = noted;
                fromNotes = true;
            }
        }

        var unit = column.Unit ?? UsgsUnits.Tons;
        var unitPublished = unit.Token;
        string? unitCorrection = null;
        if (file.Corrections.UnitLabel(row.Edition, row.Code, null, column.Header) is { } fix && UsgsUnits.FromToken(fix.CorrectUnit) is { } corrected)
        {
            unit = corrected;
            unitCorrection = $"{unitPublished} -> {unit.Token}: {fix.Reason}";
        }

        var product = UsgsWording.ProductOfWords(column.Words);
        if (product == "main")
        {
            product = row.Product;
        }

        var (placed, coverage) = UsgsFileContext.Placement(product, row.Coverage, row.Country, row.Commodity);

        var excludes = UsgsFileContext.WorldExcludes(row.Country, notes);
        batch.Add(new ReservesRow(
            row.Commodity.MineralId!, row.Commodity.Name, row.Edition, measure, stage, placed, year, row.Country.Country, row.CountryPublished,
            UsgsFileContext.Tons(value.Number, unit), UsgsFileContext.Tons(value.High, unit), value.Qualifier, estimated || value.Qualifier == UsgsQualifier.Estimated,
            row.Country.Rounded, value.Published, unitPublished, unit.Token, unitCorrection, row.Commodity.Spelling,
            column.Words.Count > 0 ? string.Join(' ', column.Words) : UsgsFileContext.Basis(row.Basis, unit.Basis), coverage, row.Type, notes, fromNotes, excludes,
            file.File, record.Line, column.Header));
    }

    private static string TypeOf(CsvRecord record, ColumnLayout columns)
    {
        var type = UsgsText.Clean(UsgsFileContext.Cell(record, columns.Type));
        return type.Length == 0 && columns.TypeInHeader is { } header ? header : type;
    }

    /// <summary>The words of a chapter name that are its own ("Titanium and titanium dioxide" → titanium, titanium dioxide).</summary>
    private static string[] CommodityWords(string name) =>
        name.Split([" and ", ",", "(", ")"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static void QuarantineValues(UsgsBatch batch, CsvRecord record, ColumnLayout columns, string reason)
    {
        foreach (var column in columns.Values)
        {
            batch.Quarantine(record, column.Header, reason);
        }
    }

    /// <summary>Why a row cannot be read at all (its every value is quarantined), or null.</summary>
    private static string? RowError(CsvRecord record, ColumnLayout columns)
    {
        if (record.Fields.Count < columns.RequiredFields)
        {
            return $"line has {record.Fields.Count} fields; the header needs {columns.RequiredFields}";
        }

        var stray = columns.Ignored.Where(i => i < record.Fields.Count).Concat(Enumerable.Range(columns.Width, Math.Max(0, record.Fields.Count - columns.Width)))
            .FirstOrDefault(i => UsgsText.Clean(record.Fields[i]).Length > 0, -1);
        return stray >= 0 ? $"value '{UsgsText.Clean(record.Fields[stray])}' in column {stray + 1}, which has no header" : null;
    }

    private sealed record Row(
        string Edition, UsgsCommodity Commodity, string Code, UsgsCountryMatch Country, string CountryPublished, string Type,
        string Product, string? Coverage, string? Basis);
}
