namespace Feeds.Core.Reserves;

/// <summary>
/// The MCS 2026 Commodities Data file: long format, one value per row (<c>MCS chapter, Section, Commodity, Country,
/// Statistics, Statistics_detail, Unit, Year, Value, Notes, Is critical mineral 2025, Other notes</c>), columns found by
/// name. A record is one row. Rows of a chapter are contiguous and read as one group (memory holds one chapter), because
/// the group decides which detail wordings are product series (those with a World total row of their own) and which
/// are a country's qualifier. World sections become reserves rows; "Salient Statistics—United States" and "Import
/// Sources" become salient rows. USGS's revision list is applied first (data/usgs/corrections.json).
/// </summary>
internal static class CommoditiesData2026Parser
{
    /// <summary>What a row of the file is, by its section and statistic.</summary>
    private enum RowKind
    {
        World,
        ImportSource,
        Statistic,
    }

    /// <summary>Where a row keeps its Value cell as published when a revision changes it.</summary>
    private const string PublishedKey = "#published";

    private static readonly string[] Required = ["MCS chapter", "Section", "Commodity", "Country", "Statistics", "Statistics_detail", "Unit", "Year", "Value"];

    public static bool Matches(IReadOnlyList<string> names) => Required.All(r => names.Contains(r, StringComparer.OrdinalIgnoreCase));

    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, IReadOnlyList<string> names, IEnumerable<CsvRecord> records)
    {
        var index = names.Select((n, i) => (n, i)).Where(x => x.n.Length > 0).GroupBy(x => x.n, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var edition = file.EditionInName ?? "MCS2026";
        var group = new List<CsvRecord>();
        string? chapter = null;
        foreach (var record in records.Where(r => !r.IsBlank))
        {
            var key = record.Malformed ? chapter ?? "" : UsgsText.Fold(UsgsFileContext.Cell(record, index["MCS chapter"]));
            if (chapter is not null && key != chapter && group.Count > 0)
            {
                yield return Group(file, edition, names, index, group);
                group = [];
            }

            chapter = key;
            group.Add(record);
        }

        if (group.Count > 0)
        {
            yield return Group(file, edition, names, index, group);
        }
    }

    private static UsgsBatch Group(UsgsFileContext file, string edition, IReadOnlyList<string> names, Dictionary<string, int> index, List<CsvRecord> records)
    {
        var batch = file.Batch(UsgsParser.Commodities2026Layout);
        var rows = new List<(CsvRecord Record, Dictionary<string, string> Cells, IReadOnlyList<(string Column, string Text)> Revisions)>();
        foreach (var record in records)
        {
            batch.Count();
            if (record.Malformed)
            {
                batch.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            if (record.Fields.Count < Required.Max(r => index[r]) + 1)
            {
                batch.Quarantine(record, null, $"line has {record.Fields.Count} fields; the header has {names.Count}");
                continue;
            }

            var cells = index.ToDictionary(p => p.Key, p => UsgsFileContext.Cell(record, p.Value), StringComparer.OrdinalIgnoreCase);
            // The value as published stays beside a revised one.
            cells[PublishedKey] = cells["Value"];
            rows.Add((record, cells, file.Corrections.Revise(edition, cells)));
        }

        // Product series: per commodity and statistic, the products of the detail wordings that have a World total row.
        var kinds = new Dictionary<(string, string), RowKind>();
        RowKind KindOf(Dictionary<string, string> cells)
        {
            var key = (cells["Section"], cells["Statistics"]);
            if (!kinds.TryGetValue(key, out var kind))
            {
                kinds[key] = kind = IsImportSources(key.Item1, key.Item2) ? RowKind.ImportSource : IsWorldSection(cells) ? RowKind.World : RowKind.Statistic;
            }

            return kind;
        }

        var worldProducts = rows.Where(r => file.Commodities.ByName(r.Cells["Commodity"]).InScope && KindOf(r.Cells) == RowKind.World
                && file.Countries.Match(r.Cells["Country"])?.Country.Key == UsgsCountry.WorldKey)
            .GroupBy(r => SeriesKey(r.Cells), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => WordingProduct(file, r.Cells)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var (record, cells, revisions) in rows)
        {
            var commodity = file.Commodities.ByName(cells["Commodity"]);
            if (!commodity.InScope)
            {
                // USGS flags its own 2025 list; a flagged commodity that maps nowhere is a gap in the alias table, not "out of scope".
                if (cells.TryGetValue("Is critical mineral 2025", out var flag) && UsgsText.Fold(flag) == "yes")
                {
                    batch.Quarantine(record, "Commodity", $"commodity '{commodity.Name}' is flagged 'Is critical mineral 2025 = Yes' but maps to no catalog mineral: add it to data/usgs/commodity-aliases.json");
                }
                else
                {
                    batch.OutOfScopeRecords(commodity.Name);
                }

                continue;
            }

            var kind = KindOf(cells);
            if (kind == RowKind.ImportSource)
            {
                AddImportSource(file, batch, record, cells, commodity, edition, revisions);
            }
            else if (kind == RowKind.World)
            {
                AddWorld(file, batch, record, cells, commodity, edition, revisions, worldProducts);
            }
            else
            {
                AddStatistic(batch, record, cells, commodity, edition, revisions, file.File);
            }
        }

        return batch;
    }

    private static void AddWorld(
        UsgsFileContext file, UsgsBatch batch, CsvRecord record, Dictionary<string, string> cells, UsgsCommodity commodity, string edition,
        IReadOnlyList<(string Column, string Text)> revisions, Dictionary<string, IReadOnlySet<string>> worldProducts)
    {
        if (file.Countries.Match(cells["Country"]) is not { } country)
        {
            batch.Quarantine(record, "Country", $"country '{UsgsText.Clean(cells["Country"])}' is not in the catalog (name, USGS spellings or aggregates)");
            return;
        }

        if (!TryYear(cells["Year"], out var year, out _))
        {
            batch.Quarantine(record, "Year", $"year '{UsgsText.Clean(cells["Year"])}' is not a year or a year range");
            return;
        }

        var notes = UsgsFileContext.NullIfEmpty(UsgsText.Clean(Cell(cells, "Notes")));
        var estimated = IsEstimated(notes) || country.Country.EstimateMark;
        var value = UsgsValueParser.Parse(cells["Value"], estimated);
        if (!value.IsReadable)
        {
            batch.Quarantine(record, "Value", value.Error!);
            return;
        }

        var statistics = UsgsText.Clean(cells["Statistics"]);
        var (detail, rounded) = WithoutRounding(cells["Statistics_detail"]);
        var stage = UsgsWording.Stage(detail) ?? UsgsWording.StageOfSection(cells["Section"]);
        var measure = UsgsText.Fold(statistics) switch
        {
            "reserves" => UsgsMeasure.Reserves,
            "capacity" => UsgsMeasure.Capacity,
            _ => UsgsWording.ProductionMeasure(stage),
        };

        var (wordingProduct, detailBasis) = UsgsWording.Split(detail, [commodity.Name, .. commodity.Name.Split(' '), statistics]);
        var world = worldProducts.GetValueOrDefault(SeriesKey(cells)) ?? new HashSet<string>();
        var product = UsgsWording.IsSeries(wordingProduct, world) ? wordingProduct : "main";
        // A wording no World total carries is what this country's figure covers ("Production—ulexite").
        var coverage = wordingProduct != "main" && !world.Contains(wordingProduct) ? detail : null;
        if (country.Qualifier is { } qualifier && !country.Country.IsAggregate)
        {
            coverage = coverage is null ? qualifier : $"{qualifier}; {coverage}";
        }

        if (product == "main" && commodity.Product is { } aliasProduct)
        {
            product = aliasProduct;
        }

        var unitPublished = UsgsText.Clean(cells["Unit"]);
        var unit = UsgsUnits.FromWords(unitPublished) ?? UsgsUnits.Tons;
        var excludes = country.Country.Key == UsgsCountry.WorldKey ? country.Excludes ?? UsgsFileContext.Excludes(notes) : null;
        var correction = Describe(revisions, commodity.Spelling);
        batch.Add(new ReservesRow(
            commodity.MineralId!, commodity.Name, edition, measure, measure is UsgsMeasure.Reserves or UsgsMeasure.Capacity ? null : stage, product, year,
            country.Country, UsgsText.Clean(cells["Country"]), UsgsFileContext.Tons(value.Number, unit), UsgsFileContext.Tons(value.High, unit),
            value.Qualifier, estimated || value.Qualifier == UsgsQualifier.Estimated, rounded || country.Rounded,
            cells[PublishedKey], unitPublished.Length == 0 ? unit.Token : unitPublished, unit.Token, null, correction,
            UsgsFileContext.Basis(DataInBasis(Cell(cells, "Other notes")), detailBasis, unit.Basis), coverage,
            UsgsText.Clean(cells["Statistics_detail"]), notes, false, excludes, file.File, record.Line, "Value"));
    }

    private static void AddImportSource(
        UsgsFileContext file, UsgsBatch batch, CsvRecord record, Dictionary<string, string> cells, UsgsCommodity commodity, string edition,
        IReadOnlyList<(string Column, string Text)> revisions)
    {
        if (file.Countries.Match(cells["Country"]) is not { } partner)
        {
            batch.Quarantine(record, "Country", $"import source '{UsgsText.Clean(cells["Country"])}' is not in the catalog (name, USGS spellings or aggregates)");
            return;
        }

        if (!TryYear(cells["Year"], out var year, out var period))
        {
            batch.Quarantine(record, "Year", $"year '{UsgsText.Clean(cells["Year"])}' is not a year or a year range");
            return;
        }

        var notes = UsgsFileContext.NullIfEmpty(UsgsText.Clean(Cell(cells, "Notes")));
        var value = UsgsValueParser.Parse(cells["Value"], IsEstimated(notes));
        if (!value.IsReadable)
        {
            batch.Quarantine(record, "Value", value.Error!);
            return;
        }

        var label = UsgsText.Clean(cells["Statistics_detail"]);
        batch.Add(new SalientRow(
            commodity.MineralId!, commodity.Name, edition, SalientRow.ImportSourceKind, SalientRow.ImportShare,
            label.Length == 0 ? UsgsText.Clean(cells["Statistics"]) : label, ImportProduct(commodity, label),
            period, year, partner.Country.Key, partner.Country.Iso3, partner.Country.Name, UsgsText.Clean(cells["Country"]),
            UsgsFileContext.Number(value.Number), UsgsFileContext.Number(value.High), value.Qualifier, cells[PublishedKey],
            UsgsFileContext.NullIfEmpty(UsgsText.Clean(cells["Unit"])), IsEstimated(notes), null, notes, Describe(revisions, commodity.Spelling),
            file.File, record.Line, "Value"));
    }

    private static void AddStatistic(
        UsgsBatch batch, CsvRecord record, Dictionary<string, string> cells, UsgsCommodity commodity, string edition,
        IReadOnlyList<(string Column, string Text)> revisions, string sourceFile)
    {
        if (!TryYear(cells["Year"], out var year, out var period))
        {
            batch.Quarantine(record, "Year", $"year '{UsgsText.Clean(cells["Year"])}' is not a year or a year range");
            return;
        }

        var notes = UsgsFileContext.NullIfEmpty(UsgsText.Clean(Cell(cells, "Notes")));
        var estimated = IsEstimated(notes);
        var value = UsgsValueParser.Parse(cells["Value"], estimated, allowNegative: true);
        if (!value.IsReadable)
        {
            batch.Quarantine(record, "Value", value.Error!);
            return;
        }

        var statistics = UsgsText.Clean(cells["Statistics"]);
        var label = UsgsText.Clean(cells["Statistics_detail"]);
        // "Imports: Hafnium, unwrought", "Net import reliance as a percentage of apparent consumption: Silicon metal".
        var product = commodity.Product ?? (label.LastIndexOf(':') is > 0 and var colon ? UsgsWording.Slug(label[(colon + 1)..]) : "main");
        batch.Add(new SalientRow(
            commodity.MineralId!, commodity.Name, edition, SalientRow.StatisticKind, StatisticSlug(statistics), label.Length == 0 ? statistics : label,
            product.Length == 0 ? "main" : product, period, year, null, null, null, null,
            UsgsFileContext.Number(value.Number), UsgsFileContext.Number(value.High), value.Qualifier, cells[PublishedKey],
            UsgsFileContext.NullIfEmpty(UsgsText.Clean(cells["Unit"])), estimated || value.Qualifier == UsgsQualifier.Estimated, null, notes,
            Describe(revisions, commodity.Spelling), sourceFile, record.Line, "Value"));
    }

    /// <summary>The product an import-source share is of: "Refined metal", "Ores and concentrates"; "All" and "Total" are the commodity as a whole.</summary>
    private static string ImportProduct(UsgsCommodity commodity, string label)
    {
        var slug = UsgsWording.Slug(label);
        return commodity.Product ?? (slug is "" or "all" or "total" or "total-imports" ? "main" : slug);
    }

    /// <summary>The 2026 Statistics words as the salient slugs every edition uses.</summary>
    public static string StatisticSlug(string statistics) => UsgsText.Fold(statistics) switch
    {
        "net import reliance" => SalientRow.NetImportReliance,
        "import" => "imports",
        "export" => "exports",
        "stock" => "stocks",
        "shipment" => "shipments",
        var other => UsgsWording.Slug(other) is { Length: > 0 } slug ? slug : "statistic",
    };

    private static bool IsWorldSection(Dictionary<string, string> cells) =>
        UsgsText.Fold(cells["Section"]).StartsWith("world", StringComparison.Ordinal)
        || (!UsgsText.Fold(cells["Section"]).StartsWith("salient", StringComparison.Ordinal) && UsgsText.Fold(cells["Statistics"]) is "reserves" or "capacity");

    private static bool IsImportSources(string section, string statistics) =>
        UsgsText.Fold(section).StartsWith("import source", StringComparison.Ordinal) || UsgsText.Fold(statistics).StartsWith("import source", StringComparison.Ordinal);

    private static string SeriesKey(Dictionary<string, string> cells) => $"{UsgsText.Fold(cells["Commodity"])}|{UsgsText.Fold(cells["Statistics"])}";

    private static string WordingProduct(UsgsFileContext file, Dictionary<string, string> cells)
    {
        var commodity = file.Commodities.ByName(cells["Commodity"]).Name;
        return UsgsWording.Split(WithoutRounding(cells["Statistics_detail"]).Detail, [commodity, .. commodity.Split(' '), UsgsText.Clean(cells["Statistics"])]).Product;
    }

    /// <summary>"Mine production: rounded", "Mine production: Bentonite, rounded", "Production: Total (rounded)" without the rounding, and whether it was there.</summary>
    private static (string Detail, bool Rounded) WithoutRounding(string detail)
    {
        var text = UsgsText.Clean(detail);
        var match = UsgsPatterns.RoundedSuffix().Match(text);
        return match.Success ? (text[..match.Index].Trim(), true) : (text, false);
    }

    /// <summary>The basis the chapter's header states: "(Data in metric tons, lithium content, unless otherwise specified)" → "lithium content".</summary>
    private static string? DataInBasis(string otherNotes)
    {
        var match = UsgsPatterns.DataInPattern().Match(UsgsText.Clean(otherNotes));
        if (!match.Success)
        {
            return null;
        }

        var parts = match.Groups["data"].Value.Split(',', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[1].Length > 0 ? parts[1].TrimEnd(',').Trim() : null;
    }

    /// <summary>Notes parts are joined by " -- "; "Estimated." is one of them.</summary>
    private static bool IsEstimated(string? notes) =>
        notes is not null && UsgsPatterns.NotesSeparator().Split(notes).Any(p => UsgsPatterns.EstimatedPart().IsMatch(p.Trim()));

    /// <summary>A year ("2025") or a range ("2021–24"): the last year, and the period as published.</summary>
    private static bool TryYear(string cell, out int year, out string period)
    {
        period = UsgsText.Clean(cell);
        var match = UsgsPatterns.PeriodYears().Match(period);
        year = 0;
        if (!match.Success)
        {
            return false;
        }

        year = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["last"].Success)
        {
            var last = match.Groups["last"].Value;
            year = last.Length == 2 ? (year / 100 * 100) + int.Parse(last, CultureInfo.InvariantCulture) : int.Parse(last, CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static string? Describe(IReadOnlyList<(string Column, string Text)> revisions, string? spelling)
    {
        var parts = revisions.Where(r => r.Column is "Value" or "Notes").Select(r => r.Text).Append(spelling).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Cell(Dictionary<string, string> cells, string name) => cells.TryGetValue(name, out var value) ? value : "";
}
