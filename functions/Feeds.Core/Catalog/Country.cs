namespace Feeds.Core.Catalog;

/// <summary>
/// A country: ISO 3166 alpha-3, Comtrade's numeric code (which differs from M49 for some, and is null where Comtrade
/// reports the territory inside another customs area), M49, USGS spellings and the membership groups it belongs to.
/// </summary>
public sealed record Country(
    string Iso3,
    string Name,
    int? ComtradeCode,
    int? M49,
    IReadOnlyList<string> UsgsNames,
    IReadOnlyList<string> Memberships)
{
    /// <summary>The catalog is real reference data.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "An instance property, so every serialized row carries isSample like rows of other routes.")]
    public bool IsSample => false;
}
