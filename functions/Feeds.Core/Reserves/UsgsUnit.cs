namespace Feeds.Core.Reserves;

/// <summary>A unit as USGS labels it, and how many metric tons one of it is (null: not a mass, such as carats).</summary>
public sealed record UsgsUnit(string Token, string Name, decimal? TonsPer);
