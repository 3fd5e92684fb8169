namespace Feeds.Core.Indicators;

/// <summary>
/// One stored indicator row: scope (a reporter's ISO3, or <c>WORLD</c> for concentration alone), mineral and year,
/// with the import figures (reporters only), reserve and production concentration (the reporter's own values beside
/// them), and for the United States USGS's net import reliance and China's place among US import sources (labelled
/// with their source, beside the Comtrade figures). Flags say when any input was
/// sample data, bounded or withheld.
/// </summary>
public sealed record IndicatorRow(
    string Scope,
    string Mineral,
    int Year,
    TradeFigures? Imports,
    SupplyFigures? Reserves,
    SupplyFigures? Production,
    UsSalientFigures? UsNetImportReliance,
    bool IsSample,
    bool DependsOnBounded,
    bool DependsOnWithheld);
