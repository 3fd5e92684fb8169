using Feeds.Core.Catalog;
using Feeds.Core.Storage;

namespace Feeds.Core.Indicators;

/// <summary>
/// Builds every indicator row from stored inputs, without storage: reporter rows per (reporter, mineral, year) of
/// annual imports, and <c>WORLD</c> rows per (mineral, year) of USGS reserves or production.
/// </summary>
public static class IndicatorsBuilder
{
    /// <summary>The scope of supply-concentration rows, and the reporter whose rows carry USGS's net import reliance.</summary>
    public const string WorldScope = "WORLD", UnitedStates = "USA";

    /// <summary>The membership groups whose import shares the indicators report.</summary>
    public const string Usfta = "USFTA", Msp = "MSP";

    public static IReadOnlyList<IndicatorRow> Build(
        CatalogData catalog,
        IReadOnlyList<TradeRow> trade,
        IReadOnlyList<ReservesRow> reserves,
        IReadOnlyDictionary<string, IReadOnlyList<SalientRow>> salientByMineral)
    {
        var usfta = catalog.MembersOf(Usfta);
        var msp = catalog.MembersOf(Msp);
        var byMineral = reserves.GroupBy(r => r.MineralId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<IndicatorRow>();

        foreach (var partition in trade.Where(r => r.Flow == "M" && r.Month == 0).GroupBy(r => (r.Reporter, r.Mineral)).OrderBy(g => g.Key.Reporter).ThenBy(g => g.Key.Mineral))
        {
            if (catalog.Mineral(partition.Key.Mineral) is not { } mineral)
            {
                continue;
            }

            var codes = UsedCodes(mineral);
            var rows = partition.Where(r => codes.Contains(r.Hs6)).ToList();
            var years = rows.GroupBy(r => r.Year).ToDictionary(g => g.Key, g => (IReadOnlyList<TradeRow>)g.ToList());
            foreach (var (year, yearRows) in years.OrderBy(y => y.Key))
            {
                var imports = TradeDependence.Compute(yearRows, years.GetValueOrDefault(year - 1) ?? [], [.. codes.Order(StringComparer.Ordinal)], usfta, msp);
                var usgs = byMineral.GetValueOrDefault(mineral.Id) ?? [];
                var salient = partition.Key.Reporter == UnitedStates && salientByMineral.GetValueOrDefault(mineral.Id) is { } us
                    ? UsSalient.Pick(us, year)
                    : null;
                result.Add(Row(partition.Key.Reporter, mineral.Id, year, imports, Supply(usgs, [UsgsMeasure.Reserves], year, partition.Key.Reporter),
                    Supply(usgs, UsgsMeasure.Productions, year, partition.Key.Reporter), salient));
            }
        }

        foreach (var (mineralId, rows) in byMineral.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var years = rows.Where(r => r.Measure == UsgsMeasure.Reserves || UsgsMeasure.Productions.Contains(r.Measure))
                .Select(r => r.Year).Distinct().Order();
            foreach (var year in years)
            {
                result.Add(Row(WorldScope, mineralId, year, null, Supply(rows, [UsgsMeasure.Reserves], year, null),
                    Supply(rows, UsgsMeasure.Productions, year, null), null));
            }
        }

        return result;
    }

    /// <summary>The mineral's HS codes that are its own: a code shared with other goods or minerals is left out, as /api/trade/partners does by default.</summary>
    public static IReadOnlySet<string> UsedCodes(Mineral mineral) =>
        mineral.HsCodes.GroupBy(h => h.Code).Where(g => !g.Any(h => h.Shared)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The first measure of <paramref name="measures"/> with rows for the year (any year when null: the latest), from
    /// the latest edition that has them; product <c>main</c> when present, else the product with the most named countries.
    /// </summary>
    public static IReadOnlyList<ReservesRow> SelectGroup(IReadOnlyList<ReservesRow> rows, IReadOnlyList<string> measures, int? year)
    {
        foreach (var measure in measures)
        {
            var candidates = rows.Where(r => r.Measure == measure && (year is null || r.Year == year)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var edition = candidates.Max(r => r.Edition)!;
            var latestYear = candidates.Where(r => r.Edition == edition).Max(r => r.Year);
            var products = candidates.Where(r => r.Edition == edition && r.Year == latestYear).GroupBy(r => r.Product, StringComparer.Ordinal)
                .OrderByDescending(g => g.Key == "main").ThenByDescending(g => g.Count(r => !r.Country.IsAggregate)).ThenBy(g => g.Key, StringComparer.Ordinal);
            return [.. products.First()];
        }

        return [];
    }

    public static SupplyFigures? Supply(IReadOnlyList<ReservesRow> rows, IReadOnlyList<string> measures, int year, string? reporter) =>
        SelectGroup(rows, measures, year) is { Count: > 0 } group ? SupplyConcentration.Compute(group, reporter) : null;

    private static IndicatorRow Row(string scope, string mineral, int year, TradeFigures? imports, SupplyFigures? reserves, SupplyFigures? production, UsSalientFigures? salient) =>
        new(scope, mineral, year, imports, reserves, production, salient,
            imports?.IsSample == true,
            reserves?.DependsOnBounded == true || production?.DependsOnBounded == true
                || (salient is not null && UsgsQualifier.IsBounded(salient.NetImportRelianceQualifier)),
            reserves?.DependsOnWithheld == true || production?.DependsOnWithheld == true || salient?.NetImportRelianceQualifier == UsgsQualifier.Withheld);
}
