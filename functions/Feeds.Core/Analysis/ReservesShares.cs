namespace Feeds.Core.Analysis;

/// <summary>
/// The share and rank rules of <c>/api/reserves</c>, the supply indicators and the sourcing screen, in one place: a
/// group's (measure, product, year) shares are over the published World total when it is a number that is not an upper
/// bound or counted elsewhere (a lower bound is used and said so), otherwise over the sum of the rows; ranks go to
/// named countries with an exact or estimated value, largest first, ties sharing a rank.
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

    /// <returns>Each ranked country's rank, by country key (its ISO3).</returns>
    public static Dictionary<string, int> Ranks(IEnumerable<ReservesRow> group)
    {
        var ranked = group.Where(r => !r.Country.IsAggregate && r.ValueTons is not null && UsgsQualifier.IsValue(r.Qualifier)).ToList();
        return ranked.ToDictionary(r => r.Country.Key, r => 1 + ranked.Count(o => o.ValueTons > r.ValueTons), StringComparer.Ordinal);
    }
}
