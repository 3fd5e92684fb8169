namespace Feeds.Core.Catalog;

/// <summary>
/// An item of <c>GET /api/countries</c>: the country with the groups it belonged to on the answer's day
/// (<see cref="Memberships"/>) and its whole membership history.
/// </summary>
public sealed record CountryItem(
    string Iso3,
    string Name,
    int? ComtradeCode,
    int? M49,
    IReadOnlyList<string> UsgsNames,
    IReadOnlyList<string> Memberships,
    IReadOnlyList<CountryMembership> MembershipHistory,
    bool IsSample)
{
    public static CountryItem On(Country c, DateOnly day) =>
        new(c.Iso3, c.Name, c.ComtradeCode, c.M49, c.UsgsNames, c.MembershipsOn(day), c.MembershipHistory, c.IsSample);
}
