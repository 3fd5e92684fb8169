using Feeds.Core.Analysis;

namespace Feeds.Core.Indicators;

/// <summary>Concentration arithmetic for one USGS group (edition, measure, product, year), on the share rule of <see cref="ReservesShares"/>.</summary>
public static class SupplyConcentration
{
    public const string China = "CHN";

    /// <param name="group">The rows of one edition, measure, product and year (World and Other countries included).</param>
    /// <param name="reporter">The ISO3 whose own value and share to report, or null.</param>
    public static SupplyFigures Compute(IReadOnlyList<ReservesRow> group, string? reporter)
    {
        var first = group[0];
        var (denominator, shareBasis) = ReservesShares.Denominator(group);
        var world = group.FirstOrDefault(r => r.Country.Key == UsgsCountry.WorldKey);
        var named = group.Where(r => !r.Country.IsAggregate).ToList();
        // Only exact or estimated numbers are shares; a bound or a withheld cell is never treated as a value.
        var valued = named.Where(r => r.ValueTons is not null && UsgsQualifier.IsValue(r.Qualifier))
            .OrderByDescending(r => r.ValueTons).ThenBy(r => r.Country.Key, StringComparer.Ordinal).ToList();
        var bounded = group.Any(r => UsgsQualifier.IsBounded(r.Qualifier))
                      || shareBasis == ReservesShares.WorldTotalLowerBound;
        var withheld = named.Any(r => r.Qualifier == UsgsQualifier.Withheld);

        double? Exact(ReservesRow? row) =>
            row?.ValueTons is { } v && denominator is { } d && UsgsQualifier.IsValue(row.Qualifier) ? v / d * 100 : null;
        double? Share(ReservesRow? row) => Exact(row) is { } share ? ExactSums.Percent(share) : null;

        double? hhi = denominator is null ? null : ExactSums.Hhi(valued.Select(r => Exact(r)!.Value));
        var top3 = valued.Take(3).ToList();
        double? top3Share = denominator is null ? null : ExactSums.Percent(top3.Sum(r => Exact(r)!.Value));
        var china = named.FirstOrDefault(r => r.Country.Key == China);
        double? chinaShare = denominator is null ? null : china is null ? 0 : Share(china);
        var others = group.FirstOrDefault(r => r.Country.Key == UsgsCountry.OthersKey);
        var own = reporter is null ? null : named.FirstOrDefault(r => r.Country.Key == reporter);
        return new SupplyFigures(
            first.Edition, first.Measure, first.Product, first.Year, group.Select(r => r.Basis).FirstOrDefault(b => b is not null),
            world?.ValueTons, shareBasis, world?.WorldTotalExcludes,
            hhi, top3Share, [.. top3.Select(r => r.Country.Key)], chinaShare, Share(others), named.Count,
            reporter, own?.ValueTons, own?.Qualifier, Share(own),
            bounded, withheld);
    }
}
