using System.Text.Json;
using System.Text.Json.Nodes;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit.Comtrade;

public sealed class ComtradeNormalizerTests
{
    private static readonly CatalogData Catalog = CatalogLoader.Load(new EmbeddedCatalogFiles());
    private static readonly ComtradeNormalizer Normalizer = new(Catalog);

    private static ComtradeRequest Usa(params string[] codes) => new("USA", 842, codes, [2020, 2021, 2022, 2023, 2024], ["M", "X"]);

    private static ComtradeRecord Parse(string json, bool sample = false)
    {
        using var doc = JsonDocument.Parse(json);
        return ComtradeResponseReader.ParseRecord(doc.RootElement, sample);
    }

    /// <summary>A real record (USA imports of lithium carbonate from China, 2023) with some fields changed.</summary>
    private static ComtradeRecord Real(Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(RecordedComtrade.RealRecord(e =>
            e.GetProperty("reporterCode").GetInt32() == 842 && e.GetProperty("partnerCode").GetInt32() == 156 &&
            e.GetProperty("cmdCode").GetString() == "283691" && e.GetProperty("refYear").GetInt32() == 2023 &&
            e.GetProperty("flowCode").GetString() == "M"))!.AsObject();
        change?.Invoke(node);
        return Parse(node.ToJsonString());
    }

    [Fact]
    public void Real_record_becomes_the_figure_comtrade_published()
    {
        var result = Assert.Single(Normalizer.Normalize([Real()], Usa("283691")));

        var row = Assert.Single(result.Rows);
        // figures.csv: USA imports of 283691 from China in 2023: 753,908 USD, 54,811 kg.
        Assert.Equal(753908d, row.ValueUsd);
        Assert.Equal(54811d, row.NetWeightKg);
        Assert.Equal(753908d / 54811d, row.UnitValueUsdPerKg);
        Assert.Equal("USA-lithium", row.PartitionKey);
        Assert.Equal("2023-00-M-283691-156", row.RowKey);
        Assert.Equal("CHN", row.PartnerKey);
        Assert.Equal("H6", row.HsVintage);
        Assert.Equal(753908d, row.CifUsd);
        Assert.Null(row.FobUsd);
        Assert.False(row.Shared);
        Assert.False(row.IsSample);
    }

    [Theory]
    [InlineData("0.0", true)]
    [InlineData("null", false)]
    public void Zero_or_null_weight_is_unknown_not_zero(string weight, bool estimated)
    {
        var record = Real(o =>
        {
            o["netWgt"] = JsonNode.Parse(weight);
            o["isNetWgtEstimated"] = estimated;
        });

        var row = Assert.Single(Assert.Single(Normalizer.Normalize([record], Usa("283691"))).Rows);
        Assert.Null(row.NetWeightKg);
        Assert.Null(row.UnitValueUsdPerKg);
    }

    [Fact]
    public void A_shared_code_is_written_to_every_mineral_that_claims_it_and_flagged()
    {
        var record = Real(o => o["cmdCode"] = "811292");

        var rows = Assert.Single(Normalizer.Normalize([record], Usa("811292"))).Rows;
        Assert.Equal(["gallium", "germanium", "indium", "niobium", "vanadium"], rows.Select(r => r.Mineral).Order());
        Assert.All(rows, r => Assert.True(r.Shared));
        Assert.Contains("germanium", rows.Single(r => r.Mineral == "gallium").SharedWith);
    }

    [Theory]
    [InlineData(490, "X490")]
    [InlineData(899, "X899")]
    [InlineData(0, "W00")]
    public void Special_areas_and_world_are_kept(int partner, string key)
    {
        var row = Assert.Single(Assert.Single(Normalizer.Normalize([Real(o => o["partnerCode"] = partner)], Usa("283691"))).Rows);
        Assert.Equal(key, row.PartnerKey);
        Assert.Equal(partner == 0, row.IsWorld);
    }

    [Fact]
    public void A_partner_outside_the_catalog_is_kept_without_iso3()
    {
        var row = Assert.Single(Assert.Single(Normalizer.Normalize([Real(o => { o["partnerCode"] = 998; o["partnerDesc"] = "New area"; })], Usa("283691"))).Rows);
        Assert.Null(row.PartnerKey);
        Assert.Equal("New area", row.PartnerName);
    }

    [Fact]
    public void The_original_classification_wins_and_the_other_is_superseded()
    {
        var converted = Real(o => { o["classificationCode"] = "H5"; o["isOriginalClassification"] = false; o["primaryValue"] = 1.0; });
        var original = Real();

        var results = Normalizer.Normalize([converted, original], Usa("283691"));

        Assert.NotNull(results[0].SupersededBecause);
        Assert.Empty(results[0].Rows);
        Assert.Equal(753908d, Assert.Single(results[1].Rows).ValueUsd);
    }

    [Fact]
    public void Breakdowns_by_transport_mode_are_superseded()
    {
        var result = Assert.Single(Normalizer.Normalize([Real(o => o["motCode"] = 1000)], Usa("283691")));
        Assert.Contains("breakdown", result.SupersededBecause);
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData("primaryValue", "null", "primaryValue")]
    [InlineData("primaryValue", "-5", "primaryValue")]
    [InlineData("flowCode", "\"RX\"", "flowCode")]
    [InlineData("classificationCode", "\"HS\"", "classification")]
    [InlineData("reporterCode", "699", "reporter")]
    [InlineData("refYear", "1999", "period 1999 was not requested")]
    [InlineData("partnerCode", "1234", "partnerCode")]
    [InlineData("freqCode", "\"Q\"", "freqCode")]
    public void Unreadable_records_are_quarantined_with_the_reason(string field, string value, string reason)
    {
        var result = Assert.Single(Normalizer.Normalize([Real(o => o[field] = JsonNode.Parse(value))], Usa("283691")));
        Assert.Contains(reason, result.QuarantineReason);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_code_not_valid_in_the_vintage_is_quarantined()
    {
        // 8112.31 (hafnium) exists only from HS 2022 (H6) on.
        var result = Assert.Single(Normalizer.Normalize([Real(o => { o["cmdCode"] = "811231"; o["classificationCode"] = "H5"; })], Usa("811231")));
        Assert.Contains("not in the catalog for classification 'H5'", result.QuarantineReason);
    }

    [Fact]
    public void A_vintage_newer_than_the_catalog_keeps_the_codes_newest_meaning_and_says_what_was_published()
    {
        // HS 2027 will be H7: the record is data, not an error.
        var result = Assert.Single(Normalizer.Normalize([Real(o => o["classificationCode"] = "H7")], Usa("283691")));

        Assert.Null(result.QuarantineReason);
        var row = Assert.Single(result.Rows);
        Assert.Equal("lithium", row.Mineral);
        Assert.Equal("H7", row.HsVintage);
    }

    [Fact]
    public void Sample_records_stay_sample()
    {
        var record = Real() with { IsSample = true };
        Assert.True(Assert.Single(Assert.Single(Normalizer.Normalize([record], Usa("283691"))).Rows).IsSample);
    }
}
