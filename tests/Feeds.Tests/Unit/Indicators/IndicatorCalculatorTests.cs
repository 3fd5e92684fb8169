using Feeds.Core.Analysis;
using Feeds.Core.Indicators;
using Feeds.Core.Storage;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit.Indicators;

/// <summary>Every indicator on a small hand-made dataset (arithmetic written out), then on the real USGS files.</summary>
public sealed class IndicatorCalculatorTests
{
    private static readonly HashSet<string> Usfta = ["AUS", "CAN", "CHL", "KOR", "JPN"];
    private static readonly HashSet<string> Msp = ["AUS", "CAN", "IND", "JPN", "USA"];

    private static TradeRow Trade(int year, int partner, string? key, double value, bool sample = false) =>
        new("USA", 842, "lithium", year, 0, "M", "283691", "H6", false, [], partner, key, key ?? "World", value, value, null, null, false, sample);

    private static ReservesRow Usgs(string key, double? tons, string qualifier = UsgsQualifier.Exact, string measure = UsgsMeasure.Reserves) =>
        new("lithium", "Lithium", "MCS2099", measure, null, "main", 2098,
            new UsgsCountry(key, key is "WORLD" or "OTHERS" ? null : key, key, key is "WORLD" or "OTHERS", false),
            key, tons, null, qualifier, qualifier == UsgsQualifier.Estimated, false, tons?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "W",
            "t", "t", null, null, "lithium content", null, "", null, false, null, "hand.csv", 1, "Reserves_t");

    [Fact]
    public void Trade_dependence_by_hand()
    {
        // 2023 partners: Chile 50, Argentina 25, China 15, India 10 -> sum 100; World reported 110 -> gap 10.
        // Shares: 50, 25, 15, 10 %. HHI = 50² + 25² + 15² + 10² = 2500 + 625 + 225 + 100 = 3450. Top source Chile 50 %.
        // US FTA (Chile) = 50 %; with India as in the india-us-cmpa scenario 50 + 10 = 60 %. MSP (India) = 10 %.
        // 2022: Chile 40 + China 40 = 80 -> change (100 - 80) / 80 = +25 %.
        TradeRow[] y2023 = [Trade(2023, 152, "CHL", 50), Trade(2023, 32, "ARG", 25, sample: true), Trade(2023, 156, "CHN", 15), Trade(2023, 699, "IND", 10), Trade(2023, 0, null, 110)];
        TradeRow[] y2022 = [Trade(2022, 152, "CHL", 40), Trade(2022, 156, "CHN", 40)];

        var f = TradeDependence.Compute(y2023, y2022, ["283691"], Usfta, Msp);

        Assert.Equal(100, f.ImportValueUsd);
        Assert.Equal(110, f.WorldTotalUsd);
        Assert.Equal(10, f.GapUsd);
        Assert.Equal("CHL", f.TopSource);
        Assert.Equal(50, f.TopSourceSharePercent!.Value, 9);
        Assert.Equal(15, f.ChinaSharePercent!.Value, 9);
        Assert.Equal(3450, f.Hhi!.Value, 6);
        Assert.Equal(4, f.SourceCount);
        Assert.Equal(50, f.UsftaSharePercent!.Value, 9);
        Assert.Equal(60, f.UsftaScenarioSharePercent!.Value, 9);
        Assert.Equal(10, f.MspSharePercent!.Value, 9);
        Assert.Equal(80, f.PreviousYearValueUsd);
        Assert.Equal(25, f.ChangePercent!.Value, 9);
        Assert.True(f.IsSample);
    }

    [Theory]
    // Partners: Japan 50, India 30, Belgium 20 (sum 100). Members count on 1 July of the year.
    [InlineData(2022, 0.0, 50.0, "us-fta-grouping")] // Japan not yet a US-FTA partner (2023-03-28); India not yet in the MSP (2023-06-22)
    [InlineData(2023, 50.0, 80.0, "ira-30d-test")] // the 30D critical-mineral test applies from 2023-04-18
    [InlineData(2025, 50.0, 80.0, "ira-30d-test")] // Belgium is named in the MSP only from 2025-11-18; the credit ends after 2025-09-30
    [InlineData(2026, 50.0, null, "us-fta-grouping")] // no 30D test; the MSP was succeeded by FORGE on 2026-02-04: no MSP share
    public void Memberships_and_the_us_fta_basis_follow_the_year(int year, double usfta, double? msp, string basis)
    {
        TradeRow[] rows = [Trade(year, 392, "JPN", 50), Trade(year, 699, "IND", 30), Trade(year, 56, "BEL", 20)];

        var f = IndicatorsBuilder.Imports(TestCatalog.Service().Current, rows, [], ["283691"], year);

        Assert.Equal(usfta, f.UsftaSharePercent!.Value, 9);
        Assert.Equal(msp, f.MspSharePercent);
        Assert.Equal(basis, f.UsftaShareBasis);
        Assert.Equal(new DateOnly(year, 7, 1), f.MembershipsOn);
        Assert.Equal(usfta + 30, f.UsftaScenarioSharePercent!.Value, 9); // the scenario adds India in any year
    }

    [Fact]
    public void Supply_concentration_over_the_world_total_by_hand()
    {
        // World 1000 (published). Named with a value: AUS 400, CHL 300 (estimated), CHN 100; USA withheld (W);
        // BRA ">5" a lower bound; Other countries 150.
        // Shares of 1000: AUS 40, CHL 30, CHN 10 %. HHI over named valued countries = 40² + 30² + 10² = 1600 + 900 + 100 = 2600.
        // Top 3 = 40 + 30 + 10 = 80 %. China 10 %. Unattributed (Other countries) 150 / 1000 = 15 %.
        // USA's own value is withheld: no share, and the row says it depends on withheld and bounded inputs.
        ReservesRow[] group =
        [
            Usgs("AUS", 400), Usgs("CHL", 300, UsgsQualifier.Estimated), Usgs("CHN", 100), Usgs("USA", null, UsgsQualifier.Withheld),
            Usgs("BRA", 5, UsgsQualifier.LowerBound), Usgs("OTHERS", 150), Usgs("WORLD", 1000),
        ];

        var f = SupplyConcentration.Compute(group, "USA");

        Assert.Equal(ReservesShares.WorldTotal, f.ShareBasis);
        Assert.Equal(2600, f.Hhi!.Value, 6);
        Assert.Equal(80, f.Top3SharePercent!.Value, 9);
        Assert.Equal(["AUS", "CHL", "CHN"], f.Top3);
        Assert.Equal(10, f.ChinaSharePercent!.Value, 9);
        Assert.Equal(15, f.UnattributedSharePercent!.Value, 9);
        Assert.Null(f.ReporterSharePercent);
        Assert.Equal(UsgsQualifier.Withheld, f.ReporterQualifier);
        Assert.True(f.DependsOnWithheld);
        Assert.True(f.DependsOnBounded);

        var australia = SupplyConcentration.Compute(group, "AUS");
        Assert.Equal(400, australia.ReporterTons);
        Assert.Equal(40, australia.ReporterSharePercent!.Value, 9);
    }

    [Fact]
    public void Supply_concentration_over_the_sum_of_rows_without_a_world_total()
    {
        // No World total: shares over the sum of the rows AUS 300 + CHL 100 + Other countries 100 = 500 (said so).
        // AUS 60, CHL 20 %; HHI = 60² + 20² = 3600 + 400 = 4000 (named countries only); unattributed 20 %; China 0 %.
        ReservesRow[] group = [Usgs("AUS", 300), Usgs("CHL", 100), Usgs("OTHERS", 100)];

        var f = SupplyConcentration.Compute(group, null);

        Assert.Equal(ReservesShares.SumOfRows, f.ShareBasis);
        Assert.Equal(4000, f.Hhi!.Value, 6);
        Assert.Equal(20, f.UnattributedSharePercent!.Value, 9);
        Assert.Equal(0, f.ChinaSharePercent);
        Assert.False(f.DependsOnWithheld);
    }

    [Fact]
    public void Lithium_reserves_hhi_in_mcs2024_equals_the_hand_computation()
    {
        // mcs2024-lithi_world.csv, Reserves_t (t of lithium content), World total (rounded) 28,000,000:
        // US 1.1, Argentina 3.6, Australia 6.2, Brazil 0.39, Canada 0.93, Chile 9.3, China 3.0, Portugal 0.06,
        // Zimbabwe 0.31 (million t); Other countries 2.8.
        // Σ v² = 1.21 + 12.96 + 38.44 + 0.1521 + 0.8649 + 86.49 + 9 + 0.0036 + 0.0961 = 149.2167 (Mt²)
        // HHI = 149.2167 / 28² × 10,000 = 149.2167 / 784 × 10,000 = 1903.27 (to 2 d.p.).
        // Top 3 = Chile + Australia + Argentina = 19.1 / 28 = 68.21 %; China 3 / 28 = 10.71 %; unattributed 2.8 / 28 = 10 %.
        var rows = UsgsFiles.Parse("mcs2024-originals/world/mcs2024-lithi_world.csv").Rows;

        var f = IndicatorsBuilder.Supply(rows, [UsgsMeasure.Reserves], 2023, "USA")!;

        Assert.Equal("MCS2024", f.Edition);
        Assert.Equal(28_000_000, f.WorldTons);
        Assert.Equal(1903.27, f.Hhi!.Value, 2);
        Assert.Equal(Math.Round(149.2167 / 784 * 10_000, 2), f.Hhi!.Value, 9); // HHI to 2 decimals
        Assert.Equal(Math.Round(19.1 / 28 * 100, 4), f.Top3SharePercent!.Value, 9);
        Assert.Equal(Math.Round(3.0 / 28 * 100, 4), f.ChinaSharePercent!.Value, 9);
        Assert.Equal(10, f.UnattributedSharePercent!.Value, 6);
        Assert.Equal(Math.Round(1.1 / 28 * 100, 4), f.ReporterSharePercent!.Value, 9);

        // Mine production 2023: the US is withheld (W) and the World total excludes it, so the indicator says so.
        var production = IndicatorsBuilder.Supply(rows, [UsgsMeasure.MineProduction], 2023, "USA")!;
        Assert.True(production.DependsOnWithheld);
        Assert.Null(production.ReporterSharePercent);
        Assert.Equal("Excludes U.S. production.", production.WorldTotalExcludes);
    }

    [Fact]
    public void China_share_of_rare_earth_mine_production_in_mcs2024_equals_the_hand_computation()
    {
        // mcs2024-raree_world.csv, Prod_t_est_2023: China 240,000, World total (rounded) 350,000 (t REO)
        // -> 240,000 / 350,000 = 68.571 %. 2022: 210,000 / 300,000 = 70 %.
        var rows = UsgsFiles.Parse("mcs2024-originals/world/mcs2024-raree_world.csv").Rows;

        var y2023 = IndicatorsBuilder.Supply(rows, [UsgsMeasure.MineProduction], 2023, "IND")!;
        var y2022 = IndicatorsBuilder.Supply(rows, [UsgsMeasure.MineProduction], 2022, "IND")!;

        Assert.Equal(Math.Round(240_000.0 / 350_000 * 100, 4), y2023.ChinaSharePercent!.Value); // shown to 4 decimals (docs/api.md)
        Assert.Equal(68.57, y2023.ChinaSharePercent!.Value, 2);
        Assert.Equal(70, y2022.ChinaSharePercent!.Value, 9);
        // India 2,900 / 350,000 = 0.829 %.
        Assert.Equal(Math.Round(2_900.0 / 350_000 * 100, 4), y2023.ReporterSharePercent!.Value);
    }

    [Fact]
    public void Usgs_net_import_reliance_and_china_import_share_for_a_usa_row_come_from_the_newest_edition_with_their_source()
    {
        // MCS 2026 graphite: net import reliance 2023 = 100 %; import sources 2021–24: China 46 %, Canada 13 % …
        // MCS 2025 Fig2 also gives graphite's 2024 reliance and its ranked sources 2020–2023 (China first).
        var rows = UsgsFiles.Parse("mcs2026/MCS2026_Commodities_Data.excerpt.csv").Salient
            .Concat(UsgsFiles.Parse("mcs2025/trends/MCS2025_Fig2_Net_Import_Reliance.csv").Salient)
            .Where(s => s.MineralId == "graphite").ToList();

        var figures = UsSalient.Pick(rows, 2023)!;

        Assert.Equal(("MCS2026", "100", "exact", 100d), (figures.Edition, figures.NetImportReliance, figures.NetImportRelianceQualifier, figures.NetImportReliancePercent));
        Assert.StartsWith("USGS MCS2026 (MCS2026_Commodities_Data.excerpt.csv", figures.NetImportRelianceSource, StringComparison.Ordinal);
        Assert.Equal((46d, "2021–24"), (figures.ChinaImportSharePercent, figures.ImportSourcesPeriod));
        Assert.Null(UsSalient.Pick(rows, 1999));

        // Lithium: the bound stays a bound; China is not among the import sources.
        var lithium = UsSalient.Pick(UsgsFiles.Parse("mcs2026/MCS2026_Commodities_Data.excerpt.csv").Salient.Where(s => s.MineralId == "lithium").ToList(), 2024)!;
        Assert.Equal((">50", UsgsQualifier.LowerBound, 50d), (lithium.NetImportReliance, lithium.NetImportRelianceQualifier, lithium.NetImportReliancePercent));
        Assert.Null(lithium.ChinaImportSharePercent);
    }
}
