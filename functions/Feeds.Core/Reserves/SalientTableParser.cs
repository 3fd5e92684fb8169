namespace Feeds.Core.Reserves;

/// <summary>
/// The T5 critical-minerals salient table (<c>Source,Year,Critical_mineral,Primary_prod,…,Net_Import_Reliance,
/// Primary_import_source,…,Leading_source_precent_world</c>, USGS's spellings kept). A record is one value cell; notes
/// columns go with the value they annotate; the leading producer's country is the partner of the leading-producer
/// figures, the primary import source an import source of rank 1. A column the table adds later is its own statistic.
/// </summary>
internal static class SalientTableParser
{
    /// <summary>Column → (kind, statistic, notes column, partner column).</summary>
    private static readonly Dictionary<string, (string Kind, string Statistic, string? Notes, string? Partner)> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Primary_prod"] = (SalientRow.StatisticKind, "primary-production", "Prod_notes", null),
        ["Secondary_prod"] = (SalientRow.StatisticKind, "secondary-production", "Prod_notes", null),
        ["Apparent_Consuption"] = (SalientRow.StatisticKind, "apparent-consumption", "Contsumption_Notes", null),
        ["Net_Import_Reliance"] = (SalientRow.StatisticKind, SalientRow.NetImportReliance, null, null),
        ["Primary_import_source"] = (SalientRow.ImportSourceKind, SalientRow.ImportRank, "Import_source_notes", "Primary_import_source"),
        ["Leading_source_country"] = (SalientRow.StatisticKind, "leading-world-producer", null, "Leading_source_country"),
        ["Leading_country_prod"] = (SalientRow.StatisticKind, "leading-producer-production", null, "Leading_source_country"),
        ["World_total_prod"] = (SalientRow.StatisticKind, "world-production", "World_prod_notes", null),
        ["Leading_source_precent_world"] = (SalientRow.StatisticKind, "leading-producer-share-of-world", null, "Leading_source_country"),
    };

    private static readonly string[] Keys = ["Source", "Year", "Critical_mineral", "Prod_notes", "Contsumption_Notes", "Import_source_notes", "World_prod_notes"];

    public static bool Matches(IReadOnlyList<string> names) =>
        names.Contains("Critical_mineral", StringComparer.OrdinalIgnoreCase) && names.Contains("Net_Import_Reliance", StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, IReadOnlyList<string> names, IEnumerable<CsvRecord> records)
    {
        var batch = file.Batch(UsgsParser.SalientLayout);
        int Index(string name) => names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        string Get(CsvRecord r, string name) => UsgsText.Clean(UsgsFileContext.Cell(r, Index(name)));
        var values = names.Select((n, i) => (Name: n, Index: i)).Where(c => c.Name.Length > 0 && !Keys.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var record in records.Where(r => !r.IsBlank))
        {
            if (record.Malformed)
            {
                batch.Count();
                batch.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            batch.Count(values.Count);
            var yearText = Get(record, "Year");
            var strayError = record.Fields.Skip(names.Count).Any(f => UsgsText.Clean(f).Length > 0) ? "values beyond the header's columns" : null;
            if (file.SalientKeys(batch, record, values, strayError, yearText, Get(record, "Source"), "Source", Get(record, "Critical_mineral")) is not (var year, var edition, var commodity))
            {
                continue;
            }

            var estimated = yearText.Contains("estimated", StringComparison.OrdinalIgnoreCase);
            foreach (var column in values)
            {
                var (kind, statistic, notesColumn, partnerColumn) = Columns.TryGetValue(column.Name, out var known)
                    ? known : (SalientRow.StatisticKind, UsgsWording.Slug(column.Name), null, null);
                var cell = UsgsFileContext.Cell(record, column.Index);
                UsgsCountryMatch? partner = null;
                var partnerText = partnerColumn is null ? "" : Get(record, partnerColumn);
                if (partnerText.Length > 0 && UsgsValueParser.Parse(partnerText, false) is not { IsReadable: true, Number: null, Qualifier: not UsgsQualifier.Qualitative })
                {
                    partner = file.Countries.Match(partnerText);
                    if (partner is null)
                    {
                        batch.Quarantine(record, column.Name, $"{partnerColumn}: country '{partnerText}' is not in the catalog");
                        continue;
                    }
                }

                // The country columns hold a country, not a number: the partner is the value.
                var value = partnerColumn == column.Name
                    ? new UsgsValue(partner is null ? UsgsValueParser.Parse(cell, false).Qualifier : UsgsQualifier.NotAvailable, null, cell)
                    : UsgsValueParser.Parse(cell, estimated);
                if (!value.IsReadable)
                {
                    batch.Quarantine(record, column.Name, value.Error!);
                    continue;
                }

                batch.Add(new SalientRow(
                    commodity.MineralId!, commodity.Name, edition, kind, statistic, column.Name, commodity.Product ?? "main", yearText, year,
                    partner?.Country.Key, partner?.Country.Iso3, partner?.Country.Name, partner is null ? null : partnerText,
                    UsgsFileContext.Number(value.Number), UsgsFileContext.Number(value.High), value.Qualifier, value.Published,
                    statistic is SalientRow.NetImportReliance or "leading-producer-share-of-world" ? "percent" : null,
                    estimated && value.Number is not null, kind == SalientRow.ImportSourceKind && partner is not null ? 1 : null,
                    notesColumn is null ? null : UsgsFileContext.NullIfEmpty(Get(record, notesColumn)), commodity.Spelling, file.File, record.Line, column.Name));
            }
        }

        yield return batch;
    }
}
