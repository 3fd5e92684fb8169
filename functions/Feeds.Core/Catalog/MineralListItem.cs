namespace Feeds.Core.Catalog;

/// <summary>An item of <c>GET /api/minerals</c>: the mineral and the published entries that put it on each list.</summary>
public sealed record MineralListItem(
    string Id,
    string Name,
    string Kind,
    string? Symbol,
    string? Group,
    IReadOnlyList<string> Members,
    IReadOnlyList<ListMatch> Listed,
    bool IsSample);
