namespace Feeds.Core.Catalog;

/// <summary>An HS code as it applies to one mineral: vintages, and who else claims it.</summary>
public sealed record MineralHsCode(
    string Code,
    string Description,
    IReadOnlyList<string> Vintages,
    bool Shared,
    IReadOnlyList<string> SharedWith,
    bool SharedWithOtherGoods,
    string? Note);
