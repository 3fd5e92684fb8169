using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Feeds.Core.Http;
using Feeds.Core.Indicators;

namespace Feeds.Tests.Unit;

/// <summary>
/// The cold <c>/api/indicators</c> path writes stored rows without reading them into records: what it writes must be
/// what serializing the record writes, and a row of another shape must not qualify.
/// </summary>
public sealed class StoredIndicatorJsonTests
{
    private static readonly TradeFigures Trade = new(
        "M", ["250410", "380110"], 1_234_567.89, 9_876_543.21, -12.5, "CHN", "China & <Hong Kong> “SAR”", 61.25, 61.25, 4_102.7, 9,
        12.5, 40.75, 3.1, 1_000_000.0, 23.456789, false, TradeFigures.IraTestBasis, new DateOnly(2023, 7, 1));

    private static readonly SupplyFigures Reserves = new(
        "MCS2026", "reserves", "main", 2025, "content", 290_000_000.0, "world-total", "Excludes U.S. production.", 3_200.5, 71.2,
        ["AUS", "CHL", "ARG"], 1.5e-7, null, 12, "IND", null, "withheld", null, true, false);

    private static readonly UsSalientFigures Salient = new(
        "MCS2026", 2025, ">25", "lower bound", 25, "USGS MCS 2026, salient statistics", 66.6, "66.6", "exact", 1, "2021–24", "USGS");

    public static TheoryData<string> Rows() => ["full", "no groups", "us salient only"];

    private static IndicatorRow Row(string name) => name switch
    {
        "full" => new IndicatorRow("USA", "graphite", 2023, Trade, Reserves, Reserves with { Measure = "mine-production" }, Salient, false, true, true),
        "no groups" => new IndicatorRow("WORLD", "lithium", 2021, null, null, null, null, true, false, false),
        _ => new IndicatorRow("IND", "rare-earths", 2024, null, null, null, Salient, false, false, false),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_stored_row_is_written_as_its_record_is_serialized(string name)
    {
        var row = Row(name);
        var stored = StoredIndicatorJson.TryFrom(IndicatorEntities.ToEntity(row));

        Assert.NotNull(stored);
        var typed = JsonNode.Parse(JsonSerializer.Serialize(row, ApiResponses.JsonOptions))!.AsObject();
        var raw = JsonNode.Parse(JsonSerializer.Serialize(stored, ApiResponses.JsonOptions))!.AsObject();
        Assert.Equal(typed.Select(p => p.Key), raw.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(typed, raw), $"typed {typed.ToJsonString()}\nraw   {raw.ToJsonString()}");
        Assert.Equal(row.IsSample, stored.IsSample);
    }

    [Fact]
    public void A_group_of_another_shape_or_a_missing_column_sends_the_row_down_the_typed_path()
    {
        var entity = IndicatorEntities.ToEntity(Row("full"));
        Assert.NotNull(StoredIndicatorJson.TryFrom(entity));

        // An older build's group: one field fewer.
        var older = JsonNode.Parse(entity.GetString("Imports"))!.AsObject();
        older.Remove("membershipsOn");
        Assert.Null(StoredIndicatorJson.TryFrom(With(entity, "Imports", older.ToJsonString())));

        // A newer build's group: one field more.
        var newer = JsonNode.Parse(entity.GetString("Reserves"))!.AsObject();
        newer["stage"] = "mine";
        Assert.Null(StoredIndicatorJson.TryFrom(With(entity, "Reserves", newer.ToJsonString())));

        Assert.Null(StoredIndicatorJson.TryFrom(With(entity, "UsNetImportReliance", "not json")));
        Assert.Null(StoredIndicatorJson.TryFrom(With(entity, "Production", "[1, 2]")));
        Assert.Null(StoredIndicatorJson.TryFrom(With(entity, "Year", "2023")));

        var withoutYear = new TableEntity(entity);
        withoutYear.Remove("Year");
        Assert.Null(StoredIndicatorJson.TryFrom(withoutYear));
    }

    private static TableEntity With(TableEntity entity, string column, object value) => new(entity) { [column] = value };
}
