namespace Feeds.Core.Reserves;

/// <summary>
/// What a USGS commodity name stands for: a catalog mineral and, where the name itself names one, a product
/// ("Bauxite" → aluminum / bauxite). <see cref="MineralId"/> is null when the name maps to no catalog mineral (out of
/// scope); <see cref="Spelling"/> records a near-miss spelling that was matched ("'Gemanium' read as 'Germanium'").
/// </summary>
public sealed record UsgsCommodity(string Name, string? MineralId, string? Product, string? Spelling)
{
    public bool InScope => MineralId is not null;
}
