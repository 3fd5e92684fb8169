namespace Feeds.Core.Indicators;

/// <summary>
/// The <c>Indicators</c> table: PartitionKey = scope (reporter ISO3 or <c>WORLD</c>), RowKey = <c>{year:D4}-{mineral}</c>,
/// so a reporter's year is one single-partition range and a (reporter, year, mineral) a point read. The figure groups
/// are JSON columns (read whole, never filtered on); the flags are plain columns.
/// </summary>
public static class IndicatorEntities
{
    public static string RowKey(int year, string mineral) =>
        TableKeys.Require(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{mineral}"), "an Indicators row key");

    public static TableEntity ToEntity(IndicatorRow row) => new(TableKeys.Require(row.Scope, "an Indicators scope"), RowKey(row.Year, row.Mineral))
    {
        ["Scope"] = row.Scope,
        ["Mineral"] = row.Mineral,
        ["Year"] = row.Year,
        ["Imports"] = JsonColumn.WriteOrNull(row.Imports),
        ["Reserves"] = JsonColumn.WriteOrNull(row.Reserves),
        ["Production"] = JsonColumn.WriteOrNull(row.Production),
        ["UsNetImportReliance"] = JsonColumn.WriteOrNull(row.UsNetImportReliance),
        ["IsSample"] = row.IsSample,
        ["DependsOnBounded"] = row.DependsOnBounded,
        ["DependsOnWithheld"] = row.DependsOnWithheld,
    };

    public static IndicatorRow FromEntity(TableEntity e) => new(
        e.GetString("Scope") ?? e.PartitionKey,
        e.GetString("Mineral") ?? "",
        e.GetInt32("Year") ?? 0,
        JsonColumn.Read<TradeFigures>(e.GetString("Imports")),
        JsonColumn.Read<SupplyFigures>(e.GetString("Reserves")),
        JsonColumn.Read<SupplyFigures>(e.GetString("Production")),
        JsonColumn.Read<UsSalientFigures>(e.GetString("UsNetImportReliance")),
        e.GetBoolean("IsSample") ?? false,
        e.GetBoolean("DependsOnBounded") ?? false,
        e.GetBoolean("DependsOnWithheld") ?? false);
}
