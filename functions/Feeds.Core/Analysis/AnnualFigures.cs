namespace Feeds.Core.Analysis;

/// <summary>
/// A year's figures from the rows of that year: the annual row where the source published one; otherwise, when the
/// reporter published all twelve months of that code and flow (some partner has a row in each), the sum of the
/// partner's months, marked as such (Comtrade's annual totals can differ a little from the sum of its months). A
/// partner without a row in a published month had no recorded trade that month; a year with a month the reporter
/// has not published makes no annual figure, since that month is unknown, not zero.
/// </summary>
public static class AnnualFigures
{
    public static (IReadOnlyList<TradeRow> Rows, IReadOnlySet<(int PartnerCode, string Hs6, string Flow)> FromMonths) Of(IEnumerable<TradeRow> rowsOfYear)
    {
        var all = rowsOfYear.ToList();
        var annual = all.Where(r => r.Month == 0).ToList();
        var published = annual.Select(r => (r.PartnerCode, r.Hs6, r.Flow)).ToHashSet();
        var fromMonths = new HashSet<(int, string, string)>();
        var monthly = all.Where(r => r.Month > 0).ToList();
        var complete = monthly.GroupBy(r => (r.Hs6, r.Flow)).Where(g => g.Select(r => r.Month).Distinct().Count() == 12).Select(g => g.Key).ToHashSet();
        foreach (var months in monthly.GroupBy(r => (r.PartnerCode, r.Hs6, r.Flow)))
        {
            if (published.Contains(months.Key) || !complete.Contains((months.Key.Hs6, months.Key.Flow)))
            {
                continue;
            }

            var first = months.First();
            annual.Add(first with
            {
                Month = 0,
                ValueUsd = ExactSums.Sum(months.Select(r => r.ValueUsd)),
                CifUsd = SumIfAll(months, r => r.CifUsd),
                FobUsd = SumIfAll(months, r => r.FobUsd),
                NetWeightKg = SumIfAll(months, r => r.NetWeightKg),
                NetWeightEstimated = months.Any(r => r.NetWeightEstimated),
                IsSample = months.Any(r => r.IsSample),
            });
            fromMonths.Add(months.Key);
        }

        return (annual, fromMonths);
    }

    private static double? SumIfAll(IEnumerable<TradeRow> rows, Func<TradeRow, double?> value) =>
        rows.All(r => value(r) is not null) ? ExactSums.Sum(rows.Select(r => value(r)!.Value)) : null;
}
