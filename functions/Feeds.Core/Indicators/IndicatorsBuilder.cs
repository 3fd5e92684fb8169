using Feeds.Core.Analysis;
using Feeds.Core.Catalog;

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
        var byMineral = reserves.GroupBy(r => r.MineralId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<IndicatorRow>();

        // The reporter's own declarations; a year is its annual figures, or twelve published months summed (as /api/trade/partners).
        foreach (var partition in trade.Where(r => r.Flow == "M" && !r.IsMirror).GroupBy(r => (r.Reporter, r.Mineral)).OrderBy(g => g.Key.Reporter).ThenBy(g => g.Key.Mineral))
        {
            if (catalog.Mineral(partition.Key.Mineral) is not { } mineral)
            {
                continue;
            }

            var codes = UsedCodes(mineral);
            var rows = partition.Where(r => codes.Contains(r.Hs6)).ToList();
            var years = rows.GroupBy(r => r.Year).Select(g => (g.Key, AnnualFigures.Of(g).Rows)).Where(y => y.Rows.Count > 0)
                .ToDictionary(y => y.Key, y => y.Rows);
            foreach (var (year, yearRows) in years.OrderBy(y => y.Key))
            {
                var imports = Imports(catalog, yearRows, years.GetValueOrDefault(year - 1) ?? [], [.. codes.Order(StringComparer.Ordinal)], year);
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

    /// <summary>
    /// The day whose memberships count for a year: 1 July. A country counts for a year when it was a member at mid-year
    /// (India joined the MSP on 2023-06-22: it counts from 2023; Belgium, named on 2025-11-18, never counts before the
    /// MSP ended on 2026-02-04).
    /// </summary>
    public static DateOnly MembershipDay(int year) => new(year, 7, 1);

    /// <summary>Import dependence for one year, with the memberships of <see cref="MembershipDay"/> and the US-FTA share's basis.</summary>
    public static TradeFigures Imports(CatalogData catalog, IReadOnlyList<TradeRow> rows, IReadOnlyList<TradeRow> previous, IReadOnlyList<string> codes, int year)
    {
        var day = MembershipDay(year);
        var msp = catalog.Group(Msp) is { } group && group.ExistsOn(day) ? group.MembersOn(day) : null;
        var figures = TradeDependence.Compute(rows, previous, codes, catalog.MembersOn(Usfta, day), msp);
        var basis = catalog.Group(Usfta)?.LegalTest is { } test && test.AppliesIn(year) ? test.Id : TradeFigures.GroupingBasis;
        return figures with { UsftaShareBasis = basis, MembershipsOn = day };
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
