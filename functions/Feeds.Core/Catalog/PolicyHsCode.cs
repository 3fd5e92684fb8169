namespace Feeds.Core.Catalog;

/// <summary>
/// An HS 6-digit code a policy event touches: the national customs codes named in the announcement (10-digit China
/// commodity numbers or 8-digit tariff lines), whether the HS6 is controlled whole (<c>exact</c>) or only in part
/// (<c>partial</c>: a series under it contains uncontrolled goods too), and whether the catalog (so the trade feed) has it.
/// </summary>
public sealed record PolicyHsCode(
    string Hs6,
    IReadOnlyList<string> CustomsCodes,
    string Mapping,
    bool InCatalog,
    bool Confirmed,
    string? Note)
{
    public const string Exact = "exact", Partial = "partial";
}
