namespace Feeds.Core.Analysis;

/// <summary>
/// Money and tonnage summed as decimals (so a total is the exact sum of the published figures, not binary-float
/// noise such as 277166597.59999996) and shares rounded to the documented precision (docs/api.md, "Numbers").
/// </summary>
public static class ExactSums
{
    /// <summary>Percentage shares keep four decimals (0.0001 percentage points).</summary>
    public const int PercentDecimals = 4;

    /// <summary>HHI (0–10,000) keeps two decimals.</summary>
    public const int HhiDecimals = 2;

    public static double Sum(IEnumerable<double> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            total += (decimal)value;
        }

        return (double)total;
    }

    public static double Difference(double a, double b) => (double)((decimal)a - (decimal)b);

    public static double Percent(double part, double whole) => Round(part / whole * 100, PercentDecimals);

    /// <summary>A share rounded for display (computed from the exact one, which sums and squares use).</summary>
    public static double Percent(double exactShare) => Round(exactShare, PercentDecimals);

    /// <summary>A sum of shares already rounded, rounded again so the decimal sum shows no float noise.</summary>
    public static double PercentSum(IEnumerable<double> shares) => Round(Sum(shares), PercentDecimals);

    /// <summary>HHI over the unrounded shares, rounded once at the end (so it equals the hand computation).</summary>
    public static double Hhi(IEnumerable<double> exactShares) => Round(exactShares.Sum(s => s * s), HhiDecimals);

    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
