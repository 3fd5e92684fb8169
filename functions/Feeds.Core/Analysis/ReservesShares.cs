namespace Feeds.Core.Analysis;

/// <summary>
/// The share rule of <c>/api/reserves</c> and of the supply indicators, in one place: a group's (measure, product,
/// year) shares are over the published World total when it is a number that is not an upper bound or counted
/// elsewhere (a lower bound is used and said so), otherwise over the sum of the rows.
/// </summary>
public static class ReservesShares
{
    /// <summary>The share bases: over the World total, over a World total given as a lower bound, over the rows' sum.</summary>
    public const string WorldTotal = "world-total", WorldTotalLowerBound = "world-total-lower-bound", SumOfRows = "sum-of-rows";

    /// <returns>The denominator in tons and its basis; both null when nothing has a number.</returns>
    public static (double? Tons, string? Basis) Denominator(IEnumerable<ReservesRow> group)
    {
        var rows = group as IReadOnlyCollection<ReservesRow> ?? [.. group];
        var world = rows.FirstOrDefault(r => r.Country.Key == UsgsCountry.WorldKey);
        if (world?.ValueTons is > 0 && world.Qualifier is not (UsgsQualifier.UpperBound or UsgsQualifier.IncludedElsewhere))
        {
            return (world.ValueTons, world.Qualifier == UsgsQualifier.LowerBound ? WorldTotalLowerBound : WorldTotal);
        }

        var values = rows.Where(r => r.Country.Key != UsgsCountry.WorldKey && r.ValueTons is not null).Select(r => r.ValueTons!.Value);
        var sum = ExactSums.Sum(values);
        return sum > 0 ? (sum, SumOfRows) : (null, null);
    }
}
