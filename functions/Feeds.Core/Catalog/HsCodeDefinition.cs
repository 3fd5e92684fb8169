namespace Feeds.Core.Catalog;

/// <summary>
/// An HS 6-digit code in the HS vintages where it has this meaning. The same code can appear twice with different
/// vintages when its coverage changed (8112.92 before and after HS 2022).
/// </summary>
public sealed record HsCodeDefinition(
    string Code,
    string Description,
    IReadOnlyList<string> Vintages,
    IReadOnlyList<string> Minerals,
    bool SharedWithOtherGoods,
    string? Note)
{
    /// <summary>Comtrade's HS vintage codes, oldest first.</summary>
    public static IReadOnlyList<string> KnownVintages { get; } = ["H0", "H1", "H2", "H3", "H4", "H5", "H6"];

    /// <summary>Shared: the code also covers other minerals or other goods, so a row under it is not one mineral's alone.</summary>
    public bool Shared => SharedWithOtherGoods || Minerals.Count > 1;
}
