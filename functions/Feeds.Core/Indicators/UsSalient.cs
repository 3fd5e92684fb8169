namespace Feeds.Core.Indicators;

/// <summary>
/// Picks a USA indicator row's USGS figures from the stored salient rows of a mineral: the net import reliance of the
/// year from the newest edition that has it (the mineral as a whole before a product), and China's share or rank among
/// US import sources from the newest edition whose import-source period covers the year.
/// </summary>
public static class UsSalient
{
    public const string China = "CHN";

    public static UsSalientFigures? Pick(IReadOnlyList<SalientRow> rows, int year)
    {
        var reliance = rows
            .Where(r => r.Kind == SalientRow.StatisticKind && r.Statistic == SalientRow.NetImportReliance && r.Year == year && r.PartnerKey is null)
            .OrderByDescending(r => r.Edition, StringComparer.Ordinal).ThenByDescending(r => r.Product == "main")
            .ThenBy(r => r.SourceFile, StringComparer.Ordinal).ThenBy(r => r.SourceLine).FirstOrDefault();
        if (reliance is null)
        {
            return null;
        }

        var china = rows
            .Where(r => r.Kind == SalientRow.ImportSourceKind && r.PartnerIso3 == China && Covers(r, year))
            .OrderByDescending(r => r.Edition, StringComparer.Ordinal).ThenByDescending(r => r.Statistic == SalientRow.ImportShare)
            .ThenByDescending(r => r.Product == "main").ThenBy(r => r.SourceLine).FirstOrDefault();
        return new UsSalientFigures(
            reliance.Edition, reliance.Year, reliance.ValuePublished, reliance.Qualifier, reliance.Value,
            $"USGS {reliance.Edition} ({reliance.SourceFile}, {reliance.Label})",
            china?.Statistic == SalientRow.ImportShare ? china.Value : null, china?.Statistic == SalientRow.ImportShare ? china.ValuePublished : null,
            china?.Statistic == SalientRow.ImportShare ? china.Qualifier : null, china?.Rank, china?.Period,
            china is null ? null : $"USGS {china.Edition} ({china.SourceFile}, {china.Label})");
    }

    /// <summary>Whether an import-source period ("2021–24", "2020-2023", "2024") includes the year.</summary>
    private static bool Covers(SalientRow row, int year)
    {
        var first = row.Period.Length >= 4 && int.TryParse(row.Period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : row.Year;
        return year >= first && year <= row.Year;
    }
}
