namespace Feeds.Core.Reserves;

/// <summary>
/// The denominator of one group's shares: the published World total (<c>world-total</c>, or
/// <c>world-total-lower-bound</c> when it is published as a bound) or, without a numeric World total, the sum of the
/// rows (<c>sum-of-rows</c>); and what the World total says it excludes ("Excludes U.S. production.").
/// </summary>
public sealed record ReservesTotal(
    string Measure,
    string Product,
    int Year,
    double? WorldTons,
    string? WorldQualifier,
    string? ShareBasis,
    string? WorldTotalExcludes,
    int Countries);
