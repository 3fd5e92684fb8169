using Feeds.Core.Catalog;

namespace Feeds.Core.Catalog;

/// <summary>The body of <c>GET /api/minerals/{id}</c>.</summary>
public sealed record MineralDetail(
    string Id,
    string Name,
    string Kind,
    string? Symbol,
    string? Group,
    IReadOnlyList<string> Members,
    IReadOnlyList<Designation> Designations,
    IReadOnlyList<MineralHsCode> HsCodes,
    IReadOnlyList<string> UsgsNames,
    bool IsSample);
