namespace Feeds.Core.Reserves;

/// <summary>
/// The industry-trends tables the feed recognises and does not use (figures 1, 3, 4, 10–13; tables T1–T4): the
/// economy, states, price growth, consumption changes, scrap, end uses — nothing per critical mineral and country that
/// the API serves. Each data row is a record, counted out of scope, never quarantined.
/// </summary>
internal static class TrendsTableParser
{
    /// <summary>A header name (or name prefix) that tells each table apart, and what the table is.</summary>
    private static readonly (string Name, bool Prefix, string Table)[] Signatures =
    [
        ("Nonfuel_Mineral_Economic_Inputs", false, "Fig1 minerals in the economy"),
        ("Commodity_Count", false, "Fig3 major import sources by country"),
        ("commodity_category", false, "Fig4 value by type"),
        ("critical_mineral_priced", false, "Fig10 price growth rates"),
        ("Pch_Critical_Minerals", true, "Fig11/Fig12 change in consumption"),
        ("Scrap_type", false, "Fig13 scrap"),
        ("Mine_Production_Metals", true, "T1 mineral industry trends"),
        ("GDP_bil_dols", false, "T2 mineral economic trends"),
        ("State_Rank", true, "T3 state value rank"),
        ("Primary Applications", false, "T4 critical minerals end use"),
    ];

    public static string? Table(IReadOnlyList<string> names) =>
        Signatures.FirstOrDefault(s => names.Any(n => s.Prefix ? n.StartsWith(s.Name, StringComparison.OrdinalIgnoreCase) : string.Equals(n, s.Name, StringComparison.OrdinalIgnoreCase))).Table;

    public static IEnumerable<UsgsBatch> Parse(UsgsFileContext file, string table, IEnumerable<CsvRecord> records)
    {
        var batch = file.Batch(UsgsParser.TrendsLayout);
        foreach (var record in records.Where(r => !r.IsBlank))
        {
            batch.Count();
            batch.OutOfScopeRecords($"MCS trends table {table}");
        }

        yield return batch;
    }
}
