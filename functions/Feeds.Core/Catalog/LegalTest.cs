namespace Feeds.Core.Catalog;

/// <summary>
/// A legal test that used a membership group as its country list for a while: USFTA is the IRA clean-vehicle credit's
/// critical-mineral test (26 U.S.C. 30D) from 2023-04-18 to 2025-09-30, and only a trade-policy grouping outside that.
/// </summary>
public sealed record LegalTest(string Id, string Name, DateOnly From, DateOnly To, string Citation, bool Confirmed, string? Note)
{
    /// <summary>Whether the test applied on any day of the year.</summary>
    public bool AppliesIn(int year) => From.Year <= year && year <= To.Year;
}
