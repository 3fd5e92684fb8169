namespace Feeds.Core.Indicators;

/// <summary>
/// The <c>Indicators</c> table: PartitionKey = scope (reporter ISO3 or <c>WORLD</c>), RowKey = <c>{year:D4}-{mineral}</c>,
/// so a reporter's year is one single-partition range and a (reporter, year, mineral) a point read. The figure groups
/// are JSON columns (read whole, never filtered on); the flags are plain columns.
/// </summary>
public static class IndicatorEntities
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RowKey(int year, string mineral) =>
        TableKeys.Require(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{mineral}"), "an Indicators row key");

    public static TableEntity ToEntity(IndicatorRow row) => new(TableKeys.Require(row.Scope, "an Indicators scope"), RowKey(row.Year, row.Mineral))
    {
        ["Scope"] = row.Scope,
        ["Mineral"] = row.Mineral,
        ["Year"] = row.Year,
        ["Imports"] = Serialize(row.Imports),
        ["Reserves"] = Serialize(row.Reserves),
        ["Production"] = Serialize(row.Production),
        ["UsNetImportReliance"] = Serialize(row.UsNetImportReliance),
        ["IsSample"] = row.IsSample,
        ["DependsOnBounded"] = row.DependsOnBounded,
        ["DependsOnWithheld"] = row.DependsOnWithheld,
    };

    public static IndicatorRow FromEntity(TableEntity e) => new(
        e.GetString("Scope") ?? e.PartitionKey,
        e.GetString("Mineral") ?? "",
        e.GetInt32("Year") ?? 0,
        Deserialize<TradeFigures>(e.GetString("Imports")),
        Deserialize<SupplyFigures>(e.GetString("Reserves")),
        Deserialize<SupplyFigures>(e.GetString("Production")),
        Deserialize<UsSalientFigures>(e.GetString("UsNetImportReliance")),
        e.GetBoolean("IsSample") ?? false,
        e.GetBoolean("DependsOnBounded") ?? false,
        e.GetBoolean("DependsOnWithheld") ?? false);

    private static string? Serialize<T>(T? value) where T : class => value is null ? null : JsonSerializer.Serialize(value, Json);

    private static T? Deserialize<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
}
