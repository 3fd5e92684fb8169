namespace Feeds.Core.Catalog;

/// <summary>A mineral chosen by <see cref="MineralSelection"/>, with the entries that put it on each list.</summary>
public sealed record SelectedMineral(Mineral Mineral, IReadOnlyList<ListMatch> Listed);
