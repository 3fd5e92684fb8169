namespace Feeds.Core.Storage;

/// <summary>What a USGS value measures; the words are the RowKey part and the API's <c>measure</c> values.</summary>
public static class UsgsMeasure
{
    public const string MineProduction = "mine-production";
    public const string RefineryProduction = "refinery-production";
    public const string Capacity = "capacity";
    public const string Reserves = "reserves";

    /// <summary>In the order the API lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Reserves, MineProduction, RefineryProduction, Capacity];

    /// <summary>
    /// Production columns say nothing about the stage; the row's Type does. Each phrase found in a Type (case-insensitive)
    /// names the measure; a Type with none of them is quarantined rather than guessed. "Mne production" is the spelling in
    /// the MCS 2024 chromium file; plant (silicon), smelter and sponge-metal (titanium) production are refinery stages.
    /// </summary>
    public static IReadOnlyList<(string Phrase, string Measure)> ProductionPhrases { get; } =
    [
        ("mine production", MineProduction),
        ("mne production", MineProduction),
        ("refinery production", RefineryProduction),
        ("plant production", RefineryProduction),
        ("smelter production", RefineryProduction),
        ("sponge metal production", RefineryProduction),
    ];
}
