using Feeds.Core.Analysis;

namespace Feeds.Core.Events;

/// <summary>
/// An event study on monthly trade rows, without storage: the <c>n</c> full calendar months before the reference month
/// and the <c>n</c> months starting with it, and the same months one year earlier as a seasonal baseline. Rows outside
/// those months, and annual rows (month 00), are ignored.
/// </summary>
public static class EventStudy
{
    public const string Before = "before", After = "after", BaselineBefore = "baseline-before", BaselineAfter = "baseline-after";

    /// <summary>The first day of the month the measure took effect; <paramref name="months"/> on each side.</summary>
    public static (IReadOnlyList<ImpactWindow> Windows, IReadOnlyList<ImpactMonth> Monthly) Compute(
        IReadOnlyList<TradeRow> rows, DateOnly referenceMonth, int months)
    {
        var start = new DateOnly(referenceMonth.Year, referenceMonth.Month, 1);
        (string Name, DateOnly First)[] windows =
        [
            (BaselineBefore, start.AddMonths(-months - 12)),
            (BaselineAfter, start.AddMonths(-12)),
            (Before, start.AddMonths(-months)),
            (After, start),
        ];
        var byMonth = rows.Where(r => r.Month is >= 1 and <= 12)
            .GroupBy(r => Key(r.Year, r.Month))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var result = new List<ImpactWindow>();
        var monthly = new List<ImpactMonth>();
        foreach (var (name, first) in windows)
        {
            var keys = Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Select(d => Key(d.Year, d.Month)).ToList();
            var present = keys.Where(byMonth.ContainsKey).ToList();
            var inWindow = present.SelectMany(k => byMonth[k]).ToList();
            foreach (var key in keys)
            {
                var monthRows = byMonth.GetValueOrDefault(key) ?? [];
                var (value, weight, unit) = Sums(monthRows);
                monthly.Add(new ImpactMonth(key, name, monthRows.Count, value, weight, unit, monthRows.Any(r => r.IsSample)));
            }

            var (sum, kg, perKg) = Sums(inWindow);
            var monthsWithWeight = present.Count(k => byMonth[k].Any(r => r.NetWeightKg is not null));
            result.Add(new ImpactWindow(
                name, keys[0], keys[^1], months, present.Count, [.. keys.Where(k => !byMonth.ContainsKey(k))], inWindow.Count,
                sum, kg, perKg,
                present.Count > 0 ? sum / present.Count : null,
                monthsWithWeight > 0 ? kg / monthsWithWeight : null,
                inWindow.Count(r => r.NetWeightKg is null),
                inWindow.Any(r => r.IsSample)));
        }

        // Chronological for reading: baseline-before, baseline-after, before, after can overlap when n > 12.
        return (result, [.. monthly.OrderBy(m => m.Month, StringComparer.Ordinal).ThenBy(m => m.Window, StringComparer.Ordinal)]);
    }

    private static string Key(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    /// <summary>Value over all rows; weight over the rows that know it; unit value over the rows with a positive weight.</summary>
    private static (double? Value, double? WeightKg, double? UnitValue) Sums(List<TradeRow> rows)
    {
        if (rows.Count == 0)
        {
            return (null, null, null);
        }

        var weighed = rows.Where(r => r.NetWeightKg is > 0).ToList();
        var kg = weighed.Sum(r => r.NetWeightKg!.Value);
        return (ExactSums.Sum(rows.Select(r => r.ValueUsd)), rows.Any(r => r.NetWeightKg is not null) ? rows.Sum(r => r.NetWeightKg ?? 0) : null,
            kg > 0 ? weighed.Sum(r => r.ValueUsd) / kg : null);
    }
}
