namespace Feeds.Core.Reserves;

/// <summary>
/// A unit as USGS labels it, how many metric tons one of it is (null: not a mass, such as carats or percent), and the
/// basis the label itself states ("dry" for "thousand metric dry tons").
/// </summary>
public sealed record UsgsUnit(string Token, string Name, decimal? TonsPer, string? Basis = null);
