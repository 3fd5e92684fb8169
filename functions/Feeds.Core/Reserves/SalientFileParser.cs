namespace Feeds.Core.Reserves;

/// <summary>
/// The MCS 2022–2025 per-commodity salient files (<c>DataSource,Commodity,Year,USprod_t,Imports_t,…,NIR_pct</c>): one
/// row per year, one US statistic per column, named <c>&lt;Kind&gt;_&lt;qualifiers&gt;_&lt;unit&gt;</c>. A record is one value
/// cell. The kind gives the statistic (<c>NIR</c> → net import reliance); the unit suffix is taken where it is a unit of
/// that kind (net import reliance is a percentage and employment a head count whatever the suffix says: <c>NIR_ct</c>,
/// <c>Employment_Sponge_t</c>); the other words are the product. USGS estimates the file's latest year.
/// </summary>
internal static class SalientFileParser
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USprod"] = "production", ["Imports"] = "imports", ["Exports"] = "exports", ["Consump"] = "consumption", ["Price"] = "price",
        ["Stocks"] = "stocks", ["Shipments"] = "shipments", ["Employment"] = "employment", ["NIR"] = SalientRow.NetImportReliance,
        ["Sold"] = "sold-or-used", ["Sales"] = "sales", ["Recycled"] = "recycling",
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["t"] = "metric tons", ["kt"] = "thousand metric tons", ["kg"] = "kilograms", ["dt"] = "dollars per metric ton",
        ["dkg"] = "dollars per kilogram", ["dlb"] = "dollars per pound", ["ctslb"] = "cents per pound", ["num"] = "number", ["pct"] = "percent",
    };

    public static bool Matches(IReadOnlyList<string> names) =>
        names.Contains("DataSource", StringComparer.OrdinalIgnoreCase) && names.Contains("Commodity", StringComparer.OrdinalIgnoreCase) && names.Contains("Year", StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, IReadOnlyList<string> names, IEnumerable<CsvRecord> records)
    {
        var batch = file.Batch(UsgsParser.SalientFileLayout);
        int Index(string name) => names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var (source, commodityColumn, yearColumn) = (Index("DataSource"), Index("Commodity"), Index("Year"));
        var valueColumns = names.Select((n, i) => (Name: n, Index: i)).Where(c => c.Name.Length > 0 && c.Index != source && c.Index != commodityColumn && c.Index != yearColumn).ToList();
        // A name that repeats ("Price_dt dlb (both used)" twice) gets its column number, so each stays its own series.
        var repeated = valueColumns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var data = records.Where(r => !r.IsBlank).ToList();
        var lastYear = data.Where(r => !r.Malformed).Select(r => int.TryParse(UsgsText.Clean(UsgsFileContext.Cell(r, yearColumn)), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0).DefaultIfEmpty(0).Max();

        foreach (var record in data)
        {
            if (record.Malformed)
            {
                batch.Count();
                batch.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            batch.Count(valueColumns.Count);
            var stray = Enumerable.Range(names.Count, Math.Max(0, record.Fields.Count - names.Count)).Concat(names.Select((n, i) => (n, i)).Where(x => x.n.Length == 0).Select(x => x.i))
                .FirstOrDefault(i => i < record.Fields.Count && UsgsText.Clean(record.Fields[i]).Length > 0, -1);
            var yearText = UsgsText.Clean(UsgsFileContext.Cell(record, yearColumn));
            var strayError = stray >= 0 ? $"value '{UsgsText.Clean(record.Fields[stray])}' in column {stray + 1}, which has no header" : null;
            if (file.SalientKeys(batch, record, valueColumns, strayError, yearText, UsgsFileContext.Cell(record, source), "DataSource",
                    UsgsFileContext.Cell(record, commodityColumn)) is not (var year, var edition, var commodity))
            {
                continue;
            }

            var estimated = year == lastYear || yearText.Contains("estimated", StringComparison.OrdinalIgnoreCase);
            foreach (var column in valueColumns)
            {
                var value = UsgsValueParser.Parse(UsgsFileContext.Cell(record, column.Index), estimated, allowNegative: true);
                if (!value.IsReadable)
                {
                    batch.Quarantine(record, column.Name, value.Error!);
                    continue;
                }

                var (statistic, product, unit) = Read(column.Name);
                var label = repeated.Contains(column.Name) ? $"{column.Name} (column {column.Index + 1})" : column.Name;
                batch.Add(new SalientRow(
                    commodity.MineralId!, commodity.Name, edition, SalientRow.StatisticKind, statistic, label, commodity.Product ?? product,
                    yearText, year, null, null, null, null, UsgsFileContext.Number(value.Number), UsgsFileContext.Number(value.High), value.Qualifier,
                    value.Published, unit, estimated && value.Number is not null, null, null, commodity.Spelling, file.File, record.Line, column.Name));
            }
        }

        yield return batch;
    }

    /// <summary>A column name as statistic, product and unit: <c>NIR_FeSi_pct</c> → net-import-reliance, fesi, percent.</summary>
    public static (string Statistic, string Product, string? Unit) Read(string name)
    {
        var tokens = name.Split(['_', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0)
        {
            return ("statistic", "main", null);
        }

        var kind = tokens[0];
        tokens.RemoveAt(0);
        if (string.Equals(kind, "Sold", StringComparison.OrdinalIgnoreCase) && tokens.FirstOrDefault() is { } used && string.Equals(used, "Used", StringComparison.OrdinalIgnoreCase))
        {
            tokens.RemoveAt(0);
        }

        var statistic = Kinds.TryGetValue(kind, out var known) ? known : UsgsWording.Slug(kind);
        string? unit = tokens.Count > 0 && Units.TryGetValue(tokens[^1], out var suffix) ? suffix : null;
        if (unit is not null)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        // The suffix is not always a unit of the kind (research: data/usgs/README.md, "Salient files").
        unit = statistic switch
        {
            SalientRow.NetImportReliance => "percent",
            "employment" => "number",
            "price" when unit is "metric tons" or "thousand metric tons" or "kilograms" => null,
            _ => unit,
        };
        var product = UsgsWording.Slug(string.Join(' ', tokens));
        return (statistic, product.Length == 0 ? "main" : product, unit);
    }
}
