namespace Feeds.Core.Catalog;

/// <summary>A mineral as stored in the <c>Minerals</c> table and served by the API.</summary>
public sealed record MineralRecord(
    string Id,
    string Name,
    string Kind,
    string? Symbol,
    string? Group,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> UsgsNames,
    IReadOnlyList<Designation> Designations,
    IReadOnlyList<MineralHsCode> HsCodes)
{
    public bool IsGroup => Kind == MineralDefinition.GroupKind;

    /// <summary>Builds the stored form from the validated catalog.</summary>
    public static MineralRecord From(CatalogData catalog, MineralDefinition mineral) => new(
        mineral.Id,
        mineral.Name,
        mineral.Kind,
        mineral.Symbol,
        mineral.Group,
        mineral.Members,
        mineral.UsgsNames,
        [.. catalog.Lists.SelectMany(l => l.Entries.Where(e => e.Mineral == mineral.Id).Select(e => new Designation(l.Id, e.Name)))],
        [.. catalog.HsCodesOf(mineral.Id).Select(h => new MineralHsCode(
            h.Code,
            h.Description,
            h.Vintages,
            h.Shared,
            [.. h.Minerals.Where(m => m != mineral.Id)],
            h.SharedWithOtherGoods,
            h.Note))]);
}
