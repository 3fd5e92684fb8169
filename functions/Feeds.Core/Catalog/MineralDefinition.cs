namespace Feeds.Core.Catalog;

/// <summary>A mineral, element or group (REE, PGE) of the catalog.</summary>
public sealed record MineralDefinition(
    string Id,
    string Name,
    string Kind,
    string? Symbol,
    string? Group,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> UsgsNames)
{
    public const string ElementKind = "element";
    public const string GroupKind = "group";
    public const string MineralKind = "mineral";

    public bool IsGroup => Kind == GroupKind;
}
