using Feeds.Core.Analysis;
using Feeds.Core.Catalog;

namespace Feeds.Core.Indicators;

/// <summary>
/// The sourcing screen, without storage: named countries with a reserves or production figure, ranked by their best
/// rank (reserves or production, exact or estimated values only; ties share a rank), each with memberships, the
/// buyer's import share from it and the reasons. The buyer itself is left out.
/// </summary>
public static class SourcingScreen
{
    public const string Scenario = "india-us-cmpa";

    /// <param name="reserves">One (edition, reserves, product, year) group, or empty.</param>
    /// <param name="production">One (edition, production measure, product, year) group, or empty.</param>
    /// <param name="imports">The buyer's partner shares for <paramref name="importYear"/>, or null when it has none.</param>
    /// <param name="controlled">ISO3 codes with export controls on the mineral (policy events).</param>
    /// <param name="on">The day whose memberships are shown.</param>
    public static IReadOnlyList<SourcingCandidate> Rank(
        IReadOnlyList<ReservesRow> reserves,
        IReadOnlyList<ReservesRow> production,
        PartnerShareResult? imports,
        int? importYear,
        string buyer,
        CatalogData catalog,
        bool scenario,
        IReadOnlySet<string> controlled,
        DateOnly on)
    {
        var r = ReservesShares.Ranks(reserves);
        var p = ReservesShares.Ranks(production);
        var rs = ReservesShares.Denominator(reserves).Tons;
        var ps = ReservesShares.Denominator(production).Tons;
        var keys = reserves.Concat(production).Where(x => !x.Country.IsAggregate && x.Country.Iso3 is not null && x.Country.Iso3 != buyer)
            .Select(x => x.Country.Iso3!).Distinct(StringComparer.Ordinal);
        var candidates = new List<SourcingCandidate>();
        foreach (var iso3 in keys)
        {
            var res = reserves.FirstOrDefault(x => x.Country.Iso3 == iso3);
            var prod = production.FirstOrDefault(x => x.Country.Iso3 == iso3);
            var memberships = (catalog.Country(iso3)?.MembershipsOn(on) ?? []).ToList();
            if (scenario && iso3 == TradeDependence.India && !memberships.Contains(IndicatorsBuilder.Usfta))
            {
                memberships.Add(IndicatorsBuilder.Usfta);
            }

            var share = imports?.Partners.FirstOrDefault(x => x.Partner == iso3);
            double? importShare = imports is { PartnerSumUsd: > 0 } ? share?.SharePercent ?? 0 : null;
            var reasons = new List<string>();
            var reserveShare = Share(res, rs);
            var productionShare = Share(prod, ps);
            if (r.TryGetValue(iso3, out var rr))
            {
                reasons.Add(Invariant($"#{rr} by reserves: {reserveShare:0.0} % of world reserves ({res!.Edition}, {res.Year})"));
            }
            else if (res is not null)
            {
                reasons.Add($"reserves {res.Qualifier} ({res.ValuePublished}) in {res.Edition}: not ranked");
            }

            if (p.TryGetValue(iso3, out var pr))
            {
                reasons.Add(Invariant($"#{pr} by {prod!.Measure}: {productionShare:0.0} % of world {prod.Measure} ({prod.Year})"));
            }
            else if (prod is not null)
            {
                reasons.Add($"{prod.Measure} {prod.Qualifier} ({prod.ValuePublished}) in {prod.Year}: not ranked");
            }

            if (memberships.Contains(IndicatorsBuilder.Usfta))
            {
                reasons.Add(scenario && iso3 == TradeDependence.India && catalog.Country(iso3)?.MembershipsOn(on).Contains(IndicatorsBuilder.Usfta) != true
                    ? "US free-trade partner in the india-us-cmpa scenario (not a fact)"
                    : catalog.Group(IndicatorsBuilder.Usfta)?.LegalTest is not { } test || on <= test.To
                        ? "US free-trade partner (counts for the US clean-vehicle critical-mineral sourcing rule)"
                        : Invariant($"US free-trade partner (the clean-vehicle credit whose critical-mineral rule used this list ended after {test.To:yyyy-MM-dd})"));
            }

            if (memberships.Contains(IndicatorsBuilder.Msp))
            {
                reasons.Add("Minerals Security Partnership member");
            }

            if (memberships.Contains("QUAD"))
            {
                reasons.Add("Quad partner");
            }

            reasons.Add(importShare is { } s
                ? s > 0 ? Invariant($"supplies {s:0.0} % of {buyer}'s imports ({importYear})") : $"no recorded imports by {buyer} from it in {importYear}"
                : $"no {buyer} import data for this mineral");
            if (controlled.Contains(iso3))
            {
                reasons.Add("export controls on this mineral (GET /api/events)");
            }

            candidates.Add(new SourcingCandidate(0, iso3, res?.Country.Name ?? prod!.Country.Name,
                r.TryGetValue(iso3, out var a) ? a : null, res?.ValueTons, res?.Qualifier, reserveShare,
                p.TryGetValue(iso3, out var b) ? b : null, prod?.ValueTons, prod?.Qualifier, productionShare,
                [.. memberships.Order(StringComparer.Ordinal)], importShare, share?.ValueUsd, reasons,
                share?.IsSample == true));
        }

        var ordered = candidates
            .OrderBy(c => Math.Min(c.ReservesRank ?? int.MaxValue, c.ProductionRank ?? int.MaxValue))
            .ThenBy(c => c.ReservesRank ?? int.MaxValue).ThenBy(c => c.ProductionRank ?? int.MaxValue)
            .ThenBy(c => c.Iso3, StringComparer.Ordinal).ToList();
        return [.. ordered.Select((c, i) => c with { Rank = i + 1 })];
    }

    private static double? Share(ReservesRow? row, double? denominator) =>
        row?.ValueTons is { } v && UsgsQualifier.IsValue(row.Qualifier) && denominator is { } d ? ExactSums.Percent(v, d) : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
