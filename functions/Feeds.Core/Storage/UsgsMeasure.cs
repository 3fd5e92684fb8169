namespace Feeds.Core.Storage;

/// <summary>What a USGS value measures; the words are the RowKey part and the API's <c>measure</c> values.</summary>
public static class UsgsMeasure
{
    public const string MineProduction = "mine-production";
    public const string RefineryProduction = "refinery-production";

    /// <summary>Production whose stage USGS does not state ("Boron all types", "Production—crude ore", "Ferrosilicon").</summary>
    public const string Production = "production";
    public const string Capacity = "capacity";
    public const string Reserves = "reserves";

    /// <summary>In the order the API lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Reserves, MineProduction, RefineryProduction, Production, Capacity];

    /// <summary>The measures that are production of some stage (the indicators' production figures).</summary>
    public static IReadOnlyList<string> Productions { get; } = [MineProduction, RefineryProduction, Production];
}
