namespace Feeds.Core.Reserves;

/// <summary>
/// Fig2 of the industry-trends tables (<c>Source,Import_Share_Order,Commodity,Net_Import_Reliance_pct_2024,
/// Major_Import_Sources_2020_2023,Notes</c>; the years are in the column names): US net import reliance and the major
/// import sources "in descending order of import share", without shares. Records: the reliance cell, and each listed
/// source (stored with its rank; footnote digits and padding go, "Republic of Korea" resolves).
/// </summary>
internal static class ImportRelianceParser
{
    public static bool Matches(IReadOnlyList<string> names) =>
        names.Contains("Commodity", StringComparer.OrdinalIgnoreCase)
        && names.Any(n => n.StartsWith("Net_Import_Reliance_pct", StringComparison.OrdinalIgnoreCase))
        && names.Any(n => n.StartsWith("Major_Import_Sources", StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, IReadOnlyList<string> names, IEnumerable<CsvRecord> records)
    {
        var batch = file.Batch(UsgsParser.ImportRelianceLayout);
        var list = names.ToList();
        var reliance = list.FindIndex(n => n.StartsWith("Net_Import_Reliance_pct", StringComparison.OrdinalIgnoreCase));
        var sources = list.FindIndex(n => n.StartsWith("Major_Import_Sources", StringComparison.OrdinalIgnoreCase));
        var commodityColumn = list.FindIndex(n => string.Equals(n, "Commodity", StringComparison.OrdinalIgnoreCase));
        var notesColumn = list.FindIndex(n => string.Equals(n, "Notes", StringComparison.OrdinalIgnoreCase));
        var sourceColumn = list.FindIndex(n => string.Equals(n, "Source", StringComparison.OrdinalIgnoreCase));
        var relianceYears = Years(names[reliance]);
        var sourceYears = Years(names[sources]);
        foreach (var record in records.Where(r => !r.IsBlank))
        {
            if (record.Malformed)
            {
                batch.Count();
                batch.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            var partners = UsgsFileContext.Cell(record, sources).Split(',', StringSplitOptions.TrimEntries).Where(p => UsgsText.Clean(p).Length > 0).ToList();
            batch.Count(1 + partners.Count);
            var edition = file.Edition(UsgsFileContext.Cell(record, sourceColumn));
            if (edition is null || relianceYears is null)
            {
                var reason = edition is null ? "no MCS edition in the Source cell or the file name" : $"no year in the column name '{names[reliance]}'";
                batch.Quarantine(record, names[reliance], reason);
                partners.ForEach(p => batch.Quarantine(record, names[sources], reason));
                continue;
            }

            var commodity = file.Commodities.ByName(UsgsFileContext.Cell(record, commodityColumn));
            if (!commodity.InScope)
            {
                batch.OutOfScopeRecords(commodity.Name, 1 + partners.Count);
                continue;
            }

            var notes = UsgsFileContext.NullIfEmpty(UsgsText.Clean(UsgsFileContext.Cell(record, notesColumn)));
            var value = UsgsValueParser.Parse(UsgsFileContext.Cell(record, reliance), estimated: false);
            if (value.IsReadable)
            {
                batch.Add(new SalientRow(
                    commodity.MineralId!, commodity.Name, edition, SalientRow.StatisticKind, SalientRow.NetImportReliance, names[reliance], commodity.Product ?? "main",
                    relianceYears.Value.Period, relianceYears.Value.Last, null, null, null, null, UsgsFileContext.Number(value.Number), UsgsFileContext.Number(value.High),
                    value.Qualifier, value.Published, "percent", false, null, notes, commodity.Spelling, file.File, record.Line, names[reliance]));
            }
            else
            {
                batch.Quarantine(record, names[reliance], value.Error!);
            }

            for (var rank = 1; rank <= partners.Count; rank++)
            {
                var published = partners[rank - 1];
                if (file.Countries.Match(published) is not { } partner || sourceYears is null)
                {
                    batch.Quarantine(record, names[sources], sourceYears is null ? $"no years in the column name '{names[sources]}'" : $"import source '{UsgsText.Clean(published)}' is not in the catalog");
                    continue;
                }

                batch.Add(new SalientRow(
                    commodity.MineralId!, commodity.Name, edition, SalientRow.ImportSourceKind, SalientRow.ImportRank, names[sources], commodity.Product ?? "main",
                    sourceYears.Value.Period, sourceYears.Value.Last, partner.Country.Key, partner.Country.Iso3, partner.Country.Name, UsgsText.Clean(published),
                    null, null, UsgsQualifier.NotAvailable, "", null, false, rank, notes, commodity.Spelling, file.File, record.Line, names[sources]));
            }
        }

        yield return batch;
    }

    /// <summary>"Net_Import_Reliance_pct_2024" → 2024; "Major_Import_Sources_2020_2023" → 2020–2023.</summary>
    private static (string Period, int Last)? Years(string name)
    {
        var years = UsgsPatterns.YearInText().Matches(name).Select(m => m.Value).ToList();
        return years.Count == 0 ? null : (string.Join('-', years), int.Parse(years[^1], CultureInfo.InvariantCulture));
    }
}
