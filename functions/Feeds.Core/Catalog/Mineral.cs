using System.Text.Json.Serialization;

namespace Feeds.Core.Catalog;

/// <summary>
/// A mineral, element or group (REE, PGE) of the catalog, with the lists that name it (as published) and the HS codes
/// that carry its trade. One record from the data files to the API: the loader builds it whole.
/// </summary>
public sealed record Mineral(
    string Id,
    string Name,
    string Kind,
    string? Symbol,
    string? Group,
    IReadOnlyList<string> Members,
    IReadOnlyList<Designation> Designations,
    IReadOnlyList<MineralHsCode> HsCodes,
    IReadOnlyList<string> UsgsNames)
{
    public const string ElementKind = "element";
    public const string GroupKind = "group";
    public const string MineralKind = "mineral";

    [JsonIgnore]
    public bool IsGroup => Kind == GroupKind;

    /// <summary>Always false: the catalog is real reference data (data/catalog/README.md gives the sources).</summary>
    public bool IsSample { get; }
}
