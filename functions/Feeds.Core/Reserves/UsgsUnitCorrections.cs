namespace Feeds.Core.Reserves;

/// <summary>
/// Unit labels USGS published wrongly (data/usgs/README.md, "Known unit-label errors"). A value read from one of these
/// columns is converted with the corrected unit, and the row carries <c>UnitCorrection</c> saying so, so a reader can
/// tell that the label was not trusted. Nothing else is "fixed".
/// </summary>
public static class UsgsUnitCorrections
{
    public static IReadOnlyList<UnitCorrection> All { get; } =
    [
        new("MCS2023", "vanad", "Reserves_t", "kt", "MCS 2023 vanadium reserves are labelled metric tons but are thousand metric tons."),
        new("MCS2024", "talc", "Reserves_t", "kt", "MCS 2024 talc reserves are labelled metric tons but are thousand metric tons."),
        new("MCS2024", "selen", "Reserves_kt", "t", "MCS 2024 selenium reserves are labelled thousand metric tons but are metric tons."),
        new("MCS2023", "rheni", "Reserves_kt", "kg", "MCS 2023 rhenium reserves are labelled thousand metric tons but are kilograms."),
    ];

    public static UnitCorrection? Find(string edition, string fileCode, string column) =>
        All.FirstOrDefault(c =>
            string.Equals(c.Edition, edition, StringComparison.OrdinalIgnoreCase)
            && string.Equals(c.FileCode, fileCode, StringComparison.OrdinalIgnoreCase)
            && string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase));
}
