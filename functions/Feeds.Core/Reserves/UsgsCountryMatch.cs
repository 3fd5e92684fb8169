namespace Feeds.Core.Reserves;

/// <summary>
/// A resolved country cell: the country (or aggregate), and what else the cell said — a qualifier in parentheses
/// ("beneficiated", "includes Puerto Rico"; on a World total, the product it totals: "ilmenite", "natural"), whether
/// the total is rounded, and what it excludes ("excluding U.S. production").
/// </summary>
public sealed record UsgsCountryMatch(UsgsCountry Country, string? Qualifier, bool Rounded, string? Excludes);
