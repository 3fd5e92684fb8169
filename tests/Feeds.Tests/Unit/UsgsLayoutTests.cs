using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Tests.Support;
using static Feeds.Core.Storage.UsgsMeasure;
using static Feeds.Core.Storage.UsgsQualifier;

namespace Feeds.Tests.Unit;

/// <summary>
/// The MCS 2025 and 2026 layouts, the salient files, T5 and Fig2 on the real bundled files (values pinned by reading
/// the files by hand: data/usgs/REAL-EDITIONS.md), and the quirks of those layouts in their documented form.
/// </summary>
public sealed class UsgsLayoutTests
{
    private const string Mcs2026 = "mcs2026/MCS2026_Commodities_Data.excerpt.csv";
    private const string Mcs2025 = "mcs2025/world/MCS2025_World_Data.excerpt.csv";

    private static readonly Lazy<UsgsParseResult> Parsed2026 = new(() => UsgsFiles.Parse(Mcs2026));
    private static readonly Lazy<UsgsParseResult> Parsed2025 = new(() => UsgsFiles.Parse(Mcs2025));

    [Fact]
    public void Mcs2026_long_file_in_Windows_1252_values_as_published()
    {
        var result = Parsed2026.Value;

        Assert.Equal((UsgsParser.Commodities2026Layout, "windows-1252"), (result.Layout, result.Encoding));
        Assert.Equal(7_784, result.Read);
        Assert.Empty(result.Quarantined);
        Assert.True(result.AddsUp);
        var australia = UsgsFiles.Row(result, MineProduction, "AUS", 2025, mineral: "lithium");
        Assert.Equal(("MCS2026", 92_000d, Estimated, "92,000", "mine"), (australia.Edition, australia.ValueTons, australia.Qualifier, australia.ValuePublished, australia.Stage));
        Assert.Equal("lithium content", australia.Basis); // from "(Data in metric tons, lithium content, unless otherwise specified)"
        Assert.Equal(8_400_000d, UsgsFiles.Row(result, Reserves, "AUS", 2025, mineral: "lithium").ValueTons);
        var world = UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2025, mineral: "lithium");
        Assert.Equal((290_000d, true, "Excludes U.S. production."), (world.ValueTons, world.Rounded, world.WorldTotalExcludes));
        Assert.Equal(37_000_000d, UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2025, mineral: "lithium").ValueTons);
        Assert.Equal((17_000d, Estimated), (UsgsFiles.Row(result, MineProduction, "IND", 2025, mineral: "graphite").ValueTons, UsgsFiles.Row(result, MineProduction, "IND", 2025, mineral: "graphite").Qualifier));
        Assert.Equal(2_900d, UsgsFiles.Row(result, MineProduction, "IND", 2025, mineral: "ree").ValueTons);
        // MCS 2026 revises the 2024 estimate of MCS 2025 (88,000): both editions are kept side by side.
        Assert.Equal(82_700d, UsgsFiles.Row(result, MineProduction, "AUS", 2024, mineral: "lithium").ValueTons);
    }

    [Fact]
    public void Mcs2026_revision_list_is_applied_with_the_published_value_kept_and_the_correction_recorded()
    {
        var result = Parsed2026.Value;

        var world = UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2025, mineral: "ree");
        Assert.Equal((75_000_000d, LowerBound, ">85,000,000", true), (world.ValueTons, world.Qualifier, world.ValuePublished, world.Rounded));
        Assert.StartsWith("MCS2026 v1.3 (2026-05-27): Value '>85,000,000' -> '>75,000,000'", world.Correction);
        var brazil = UsgsFiles.Row(result, Reserves, "BRA", 2025, mineral: "ree");
        Assert.Equal((11_000_000d, Exact, "21,000,000"), (brazil.ValueTons, brazil.Qualifier, brazil.ValuePublished));
        Assert.Contains("'21,000,000' -> '11,000,000'", brazil.Correction);
        var china = UsgsFiles.Row(result, MineProduction, "CHN", 2024, mineral: "ree");
        Assert.Equal("Estimated.", china.Notes); // v1.1 moved the footnote to India's reserves
        Assert.Contains("monazite reserves", UsgsFiles.Row(result, Reserves, "IND", 2025, mineral: "ree").Notes);
        Assert.Null(UsgsFiles.Row(result, Reserves, "USA", 2025, mineral: "ree").Correction);
    }

    [Fact]
    public void Mcs2026_products_stages_aliases_and_country_qualifiers()
    {
        var result = Parsed2026.Value;

        // Bauxite and alumina are aluminum's products, never summed with the metal; sponge and pigment titanium's.
        Assert.Contains(result.Rows, r => r.MineralId == "aluminum" && r.Product == "bauxite" && r.Measure == Reserves);
        Assert.Contains(result.Rows, r => r.MineralId == "aluminum" && r.Product == "alumina" && r.Stage == "refinery");
        Assert.Contains(result.Rows, r => r.MineralId == "aluminum" && r.Product == "main" && r.Stage == "smelter");
        Assert.Contains(result.Rows, r => r.MineralId == "titanium" && r.Product == "sponge-metal" && r.Stage == "sponge");
        Assert.Contains(result.Rows, r => r.MineralId == "titanium" && r.Product == "tio2-pigment" && r.Measure == Capacity);
        // Chromium reserves: two series with World totals of their own (ore, Cr2O3 content).
        Assert.Contains(result.Rows, r => r.MineralId == "chromium" && r.Product == "ore" && r.Measure == Reserves && r.Year == 2024);
        // Silicon states no stage in 2026: measure "production", never quarantined.
        Assert.Contains(result.Rows, r => r.MineralId == "silicon" && r.Measure == Production && r.Product == "ferrosilicon");
        // A wording no World total carries is that country's coverage (boron's ulexite), the product stays main.
        Assert.Contains(result.Rows, r => r.MineralId == "boron" && r.Product == "main" && r.Coverage is not null && r.Coverage.Contains("ulexite", StringComparison.Ordinal));
        // Yttrium's World total is a range.
        var yttrium = Assert.Single(result.Rows, r => r.MineralId == "yttrium");
        Assert.Equal((UsgsQualifier.Range, 10_000d, 15_000d), (yttrium.Qualifier, yttrium.ValueTons, yttrium.ValueTonsHigh));
        // Cesium: "<200,000" tons for Other countries, the sentence kept as coverage.
        var cesium = Assert.Single(result.Rows, r => r.MineralId == "cesium");
        Assert.Equal((UpperBound, 200_000d, UsgsCountry.OthersKey), (cesium.Qualifier, cesium.ValueTons, cesium.Country.Key));
        // Côte d’Ivoire (curly apostrophe) and The Bahamas resolve.
        Assert.Contains(result.Rows.Select(r => r.Country.Key).Concat(result.Salient.Select(s => s.PartnerKey ?? "")), k => k == "CIV");
    }

    [Fact]
    public void Mcs2026_salient_statistics_and_import_sources()
    {
        var result = Parsed2026.Value;

        var reliance = result.Salient.Where(s => s.MineralId == "lithium" && s.Statistic == SalientRow.NetImportReliance).OrderBy(s => s.Year).ToList();
        Assert.Equal([2021, 2022, 2023, 2024, 2025], reliance.Select(s => s.Year));
        Assert.All(reliance, s => Assert.Equal("percent", s.Unit));
        var bounded = reliance.First(s => s.ValuePublished.StartsWith('>'));
        Assert.Equal((LowerBound, SalientRow.StatisticKind), (bounded.Qualifier, bounded.Kind));

        var sources = result.Salient.Where(s => s.MineralId == "lithium" && s.Kind == SalientRow.ImportSourceKind).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Equal(("2021–24", 2024, SalientRow.ImportShare), (s.Period, s.Year, s.Statistic)));
        Assert.Contains(sources, s => s.PartnerIso3 == "ARG" && s.Value > 0);
        // One value for several countries: kept whole, under a key naming its members.
        Assert.Contains(result.Salient, s => s.MineralId == "rubidium" && s.PartnerKey == "MULTI-CHN-DEU-RUS" && s.Value == 100);
        // E is "net exporter", never a number.
        Assert.Contains(result.Salient, s => s.Statistic == SalientRow.NetImportReliance && s.Qualifier == NetExporter && s.Value is null && s.ValuePublished == "E");
    }

    [Fact]
    public void Mcs2025_world_data_values_columns_and_corrections()
    {
        var result = Parsed2025.Value;

        Assert.Equal((UsgsParser.World2025Layout, "utf-8-bom"), (result.Layout, result.Encoding));
        Assert.Empty(result.Quarantined);
        Assert.True(result.AddsUp);
        var australia = UsgsFiles.Row(result, MineProduction, "AUS", 2024, mineral: "lithium");
        Assert.Equal((88_000d, Estimated, "MCS2025"), (australia.ValueTons, australia.Qualifier, australia.Edition)); // PROD_EST_ 2024
        Assert.Equal((91_700d, Exact), (UsgsFiles.Row(result, MineProduction, "AUS", 2023, mineral: "lithium").ValueTons, UsgsFiles.Row(result, MineProduction, "AUS", 2023, mineral: "lithium").Qualifier));
        Assert.Equal(7_000_000d, UsgsFiles.Row(result, Reserves, "AUS", 2024, mineral: "lithium").ValueTons);
        Assert.Equal((2_900d, 6_900_000d), (UsgsFiles.Row(result, MineProduction, "IND", 2024, mineral: "ree").ValueTons, UsgsFiles.Row(result, Reserves, "IND", 2024, mineral: "ree").ValueTons));
        Assert.Equal((90_000_000d, LowerBound, ">90000000"), (UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2024, mineral: "ree").ValueTons, UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2024, mineral: "ree").Qualifier, UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2024, mineral: "ree").ValuePublished));
        Assert.Equal(27_800d, UsgsFiles.Row(result, MineProduction, "IND", 2024, mineral: "graphite").ValueTons);

        // Molybdenum reserves are thousand metric tons though UNIT_MEAS says metric tons (the notes say so).
        var molybdenum = UsgsFiles.Row(result, Reserves, "USA", 2024, mineral: "molybdenum");
        Assert.Equal((3_500_000d, "metric tons", "kt"), (molybdenum.ValueTons, molybdenum.UnitPublished, molybdenum.Unit));
        Assert.StartsWith("metric tons -> thousand metric tons", molybdenum.UnitCorrection);
        // Magnesium metal's RESERVES_2024 repeats capacity: superseded, no reserves row.
        Assert.DoesNotContain(result.Rows, r => r.MineralId == "magnesium" && r.Measure == Reserves && r.Product == "main");
        Assert.Equal(10, result.Superseded);
        // Bauxite: dry tons; the alumina Type is its own product.
        var bauxite = UsgsFiles.Row(result, Reserves, "AUS", 2024, "bauxite", "aluminum");
        Assert.Equal(("kt", true), (bauxite.Unit, bauxite.Basis!.Contains("dry", StringComparison.Ordinal)));
        Assert.Contains(result.Rows, r => r.MineralId == "aluminum" && r.Product == "alumina" && r.Year == 2024);
        // "W for 23-24" in PROD_NOTES fills both blank production cells with withheld.
        var usLithium = UsgsFiles.Row(result, MineProduction, "USA", 2023, mineral: "lithium");
        Assert.Equal((Withheld, true), (usLithium.Qualifier, usLithium.ValueFromNotes));
        // Out of scope, counted by name.
        Assert.Contains("Gold", result.OutOfScopeNames);
        Assert.Contains("Iron Ore", result.OutOfScopeNames);
    }

    [Fact]
    public void Mcs2025_quirks_in_their_documented_form()
    {
        const string header = "SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,PROD_EST_ 2024,PROD_NOTES,CAP_2023,CAP_EST_ 2024,CAP_NOTES,RESERVES_2024,RESERVE_NOTES\r\n";
        var result = UsgsFiles.ParseText("MCS2025_World_Data.csv", header +
            "MCS2025,Germanim ,China ,Refinery production,kilograms,\"100,000\",e95000,,,,,,\r\n" +
            "MCS2025,Germanim ,Japane,Refinery production,kilograms,10,,na for 2023,,,,,\r\n" +
            "MCS2025,Germanim ,World total (rounded) 10,Refinery production,kilograms,110000,,Less than 1/2 unit,,,,,\r\n" +
            "MCS2025,Lithium ,\"United States (includes Puerto Rico)\",\"Mine production, lithium content\",metric tons,,,W for 23-24,,,,Large,\r\n" +
            "MCS2025,Lithium ,World total (rounded),\"Mine production, lithium content\",metric tons,1,2,Excludes U.S. production.,,,,>1,\r\n" +
            "MCS2025,Cement,China,Cement production,thousand metric tons,1,2,,,,,,\r\n");

        Assert.Empty(result.Quarantined);
        Assert.True(result.AddsUp);
        var china = UsgsFiles.Row(result, RefineryProduction, "CHN", 2023, mineral: "germanium");
        Assert.Equal((100d, "kg", "refinery"), (china.ValueTons, china.Unit, china.Stage));
        Assert.Contains("'Germanim' read as", china.Correction); // a near-miss spelling is matched and recorded
        Assert.Equal((95d, Estimated), (UsgsFiles.Row(result, RefineryProduction, "CHN", 2024, mineral: "germanium").ValueTons, UsgsFiles.Row(result, RefineryProduction, "CHN", 2024, mineral: "germanium").Qualifier));
        var japan = UsgsFiles.Row(result, RefineryProduction, "JPN", 2023, mineral: "germanium");
        Assert.Equal((Estimated, true), (japan.Qualifier, japan.Country.EstimateMark));
        Assert.Equal((NotAvailable, true), (UsgsFiles.Row(result, RefineryProduction, "JPN", 2024, mineral: "germanium").Qualifier, true));
        var us = UsgsFiles.Row(result, Reserves, "USA", 2024, mineral: "lithium");
        Assert.Equal((Qualitative, "Large", "includes Puerto Rico"), (us.Qualifier, us.ValuePublished, us.Coverage));
        Assert.Equal(Withheld, UsgsFiles.Row(result, MineProduction, "USA", 2024, mineral: "lithium").Qualifier);
        Assert.Equal("Excludes U.S. production.", UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2023, mineral: "lithium").WorldTotalExcludes);
        Assert.Equal("World total (rounded) 10", UsgsFiles.Row(result, RefineryProduction, UsgsCountry.WorldKey, 2023, mineral: "germanium").CountryPublished);
        // Cement is on no list; its columns are counted out of scope (2 production cells: the others are not in its table).
        Assert.Equal(2, result.OutOfScope);
    }

    [Fact]
    public void Per_commodity_full_release_wordings_are_kept_as_product_or_stage_never_quarantined()
    {
        // Wordings the issue lists for the full MCS 2024 releases, in their documented form.
        var gallium = UsgsFiles.ParseText("mcs2024-galli_world.csv",
            "Source,Country,Type,Prod_kg_2022,Prod_kg_est_2023,Prod_notes,Cap_kg_2023,Cap_notes\n" +
            "MCS2024,China,Primary production,\"600,000\",\"600,000\",,\"1,000,000\",\n" +
            "MCS2024,Russia,Primary production,e5000,e5000,,10000,\n" +
            "MCS2024,Other,Primary production,100,100,,200,\n");
        Assert.Empty(gallium.Quarantined);
        var china = UsgsFiles.Row(gallium, RefineryProduction, "CHN", 2023);
        Assert.Equal((600d, "primary"), (china.ValueTons, china.Stage));
        Assert.Equal((5d, Estimated), (UsgsFiles.Row(gallium, RefineryProduction, "RUS", 2022).ValueTons, UsgsFiles.Row(gallium, RefineryProduction, "RUS", 2022).Qualifier));

        var titanium = UsgsFiles.ParseText("mcs2024-timin_world.csv",
            "Source,Country,Type,Prod_kt_2022,Prod_kt_est_2023,Prod_notes,Reserves_kt,Reserves_notes\n" +
            "MCS2024,Australia,\"Mine production: Ilmenite, titanium dioxide (TiO2) content.\",900,800,,\"160,000\",\n" +
            "MCS2024,Australia,\"Mine production: Rutile, titanium dioxide (TiO2) content.\",200,190,,\"31,000\",\n" +
            "MCS2024,\"World total (ilmenite, rounded)\",\"Mine production: Ilmenite, titanium dioxide (TiO2) content.\",9000,8800,,\"700,000\",\n" +
            "MCS2024,\"World total (rutile, rounded)\",\"Mine production: Rutile, titanium dioxide (TiO2) content.\",700,690,,\"49,000\",\n" +
            "MCS2024,Boron all types country,Boron all types,1,2,,3,\n");
        Assert.Equal(3, titanium.Quarantined.Count); // the last line's "country" is not a country: its three values, nothing else
        Assert.Equal(800_000d, UsgsFiles.Row(titanium, MineProduction, "AUS", 2023, "ilmenite").ValueTons);
        Assert.Equal(190_000d, UsgsFiles.Row(titanium, MineProduction, "AUS", 2023, "rutile").ValueTons);
        var world = UsgsFiles.Row(titanium, Reserves, UsgsCountry.WorldKey, 2023, "rutile");
        Assert.Equal((49_000_000d, true), (world.ValueTons, world.Rounded));

        var boron = UsgsFiles.ParseText("mcs2024-boron_world.csv",
            "Source,Country,Type,Prod_kt_2022,Prod_kt_est_2023,Prod_notes,Reserves_kt,Reserves_notes\n" +
            "MCS2024,Turkey,Boron all types,\"2,500\",\"2,600\",,\"1,100,000\",\n");
        var turkey = UsgsFiles.Row(boron, Production, "TUR", 2023);
        Assert.Equal((2_600_000d, null), (turkey.ValueTons, turkey.Stage)); // no stage stated: production
    }

    [Fact]
    public void Salient_files_keep_bounds_exporters_and_the_units_of_each_kind()
    {
        var lithium = UsgsFiles.Parse("mcs2025/salient/mcs2025-lithium_salient.csv");
        Assert.Equal(UsgsParser.SalientFileLayout, lithium.Layout);
        Assert.Empty(lithium.Quarantined);
        var y2020 = UsgsFiles.Salient(lithium, "lithium", SalientRow.NetImportReliance, 2020);
        Assert.Equal((LowerBound, 50d, "percent", "MCS2025"), (y2020.Qualifier, y2020.Value, y2020.Unit, y2020.Edition));
        Assert.True(UsgsFiles.Salient(lithium, "lithium", SalientRow.NetImportReliance, 2024).Estimated); // the latest year is an estimate
        Assert.Equal(Withheld, UsgsFiles.Salient(lithium, "lithium", "production", 2020).Qualifier);

        // NIR_ct (nickel) is a percentage, Employment_Sponge_t (titanium) a head count, whatever the suffix says.
        Assert.All(UsgsFiles.Parse("mcs2025/salient/mcs2025-nicke_salient.csv").Salient.Where(s => s.Statistic == SalientRow.NetImportReliance), s => Assert.Equal("percent", s.Unit));
        Assert.All(UsgsFiles.Parse("mcs2025/salient/mcs2025-titan_salient.csv").Salient.Where(s => s.Statistic == "employment"), s => Assert.Equal("number", s.Unit));
        Assert.Contains(UsgsFiles.Parse("mcs2025/salient/mcs2025-beryl_salient.csv").Salient, s => s.Statistic == SalientRow.NetImportReliance && s.Qualifier == NetExporter);
        // A negative government shipment is a value in a salient file.
        Assert.Contains(UsgsFiles.Parse("mcs2025/salient/mcs2025-tin_salient.csv").Salient, s => s.Value == -7);
        // A repeated column name stays two series.
        var nickel2024 = UsgsFiles.Parse("mcs2024-originals/salient/mcs2024-nicke_salient.csv");
        Assert.Equal(2, nickel2024.Salient.Where(s => s.Year == 2023 && s.Label.StartsWith("Price_dt dlb", StringComparison.Ordinal)).Select(s => s.Label).Distinct().Count());
    }

    [Fact]
    public void Fig2_reliance_and_ranked_import_sources_and_the_T5_table()
    {
        var fig2 = UsgsFiles.Parse("mcs2025/trends/MCS2025_Fig2_Net_Import_Reliance.csv");
        Assert.Equal(UsgsParser.ImportRelianceLayout, fig2.Layout);
        Assert.Empty(fig2.Quarantined);
        var lithium = UsgsFiles.Salient(fig2, "lithium", SalientRow.NetImportReliance, 2024);
        Assert.Equal((LowerBound, 50d, ">50"), (lithium.Qualifier, lithium.Value, lithium.ValuePublished));
        var sources = fig2.Salient.Where(s => s.MineralId == "lithium" && s.Kind == SalientRow.ImportSourceKind).OrderBy(s => s.Rank).ToList();
        Assert.Equal([("CHL", 1), ("ARG", 2)], sources.Select(s => (s.PartnerIso3!, s.Rank!.Value)));
        Assert.All(sources, s => Assert.Equal(("2020-2023", 2023), (s.Period, s.Year)));
        Assert.Contains(fig2.Salient, s => s.PartnerIso3 == "KOR"); // "Republic of Korea"
        Assert.Contains(fig2.Salient, s => s.PartnerIso3 == "CHN" && s.PartnerPublished!.StartsWith("China", StringComparison.Ordinal) && s.PartnerPublished != "China"); // "China3 ": footnote digit
        Assert.Contains("GARNET (INDUSTRIAL)", fig2.OutOfScopeNames);

        var t5 = UsgsFiles.Parse("excerpts/MCS2024_T5_Critical_Minerals_Salient.excerpt.csv");
        Assert.Empty(t5.Quarantined);
        var nir = UsgsFiles.Salient(t5, "lithium", SalientRow.NetImportReliance, 2023);
        Assert.Equal((LowerBound, 25d, true), (nir.Qualifier, nir.Value, nir.Edition == "MCS2024"));
        var source = Assert.Single(t5.Salient, s => s.MineralId == "lithium" && s.Kind == SalientRow.ImportSourceKind);
        Assert.Equal(("ARG", 1), (source.PartnerIso3, source.Rank));
        var share = UsgsFiles.Salient(t5, "lithium", "leading-producer-share-of-world", 2023, "AUS");
        Assert.Equal(48d, share.Value);
    }

    [Fact]
    public void T5_and_Fig2_names_qualified_by_product_map_to_the_base_mineral()
    {
        var t5 = UsgsFiles.ParseText("MCS2024_T5_Critical_Minerals_Salient.csv", """
            Source,Year,Critical_mineral,Primary_prod,Secondary_prod,Prod_notes,Apparent_Consuption,Contsumption_Notes,Net_Import_Reliance,Primary_import_source,Import_source_notes,Leading_source_country,Leading_country_prod,World_total_prod,World_prod_notes,Leading_source_precent_world
            MCS2024,2023_estimated,Aluminum (bauxite),W,NA,,W,,>75,Jamaica,,Australia,98000,400000,,25
            MCS2024,2023_estimated,Titanium (metal),W,NA,,W,,>95,Japan,,China,220000,310000,,71
            MCS2024,2023_estimated,Platinum,W,NA,,W,,80,South Africa,,South Africa,120,170,,70
            MCS2024,2023,Beryllium,190,NA,,W,,E,Republic of Korea,,United States,190,330,,58
            """);

        Assert.Empty(t5.Quarantined);
        Assert.Contains(t5.Salient, s => s.MineralId == "aluminum" && s.Product == "bauxite");
        Assert.Contains(t5.Salient, s => s.MineralId == "titanium" && s.Product == "metal");
        Assert.Contains(t5.Salient, s => s.MineralId == "platinum");
        Assert.Contains(t5.Salient, s => s.PartnerIso3 == "KOR" && s.Kind == SalientRow.ImportSourceKind);
        Assert.Equal(NetExporter, UsgsFiles.Salient(t5, "beryllium", SalientRow.NetImportReliance, 2023).Qualifier);
    }

    [Fact]
    public void Trends_tables_are_out_of_scope_and_unknown_files_are_quarantined_line_by_line()
    {
        foreach (var file in UsgsFiles.All().Where(f => f.StartsWith("mcs2025/trends/", StringComparison.Ordinal) && f.EndsWith(".csv", StringComparison.Ordinal) && !f.Contains("Fig2", StringComparison.Ordinal)))
        {
            var result = UsgsFiles.Parse(file);
            Assert.Equal(UsgsParser.TrendsLayout, result.Layout);
            Assert.Equal(result.Read, result.OutOfScope);
            Assert.True(result.Read > 0, file);
        }

        var history = UsgsFiles.Parse("mcs2026/MCS2026_version_history.txt");
        Assert.Equal(UsgsParser.UnknownLayout, history.Layout);
        Assert.Equal(history.Read, history.Quarantined.Count);
    }

    [Theory]
    [InlineData("Côte d’Ivoire", "CIV", null)]
    [InlineData("The Bahamas", "BHS", null)]
    [InlineData("Republic of Korea", "KOR", null)]
    [InlineData("Brazil (beneficiated, marketable)", "BRA", "beneficiated, marketable")]
    [InlineData("United\u00a0States (kyanite)", "USA", "kyanite")]
    [InlineData("Other countries (includes crude)", UsgsCountry.OthersKey, "includes crude")]
    [InlineData("World total (rounded), excluding U.S. production", UsgsCountry.WorldKey, null)]
    [InlineData("World total (ilmenite, rounded)", UsgsCountry.WorldKey, "ilmenite")]
    [InlineData("World total (rounded) 10", UsgsCountry.WorldKey, null)]
    [InlineData("Other countriese", UsgsCountry.OthersKey, null)]
    [InlineData("Vietnam\u00a0", "VNM", null)]
    [InlineData("China, Germany, and Russia", "MULTI-CHN-DEU-RUS", null)]
    [InlineData("United\u00a0States and Canada", "MULTI-USA-CAN", null)]
    [InlineData("Trinidad and Tobago", "TTO", null)]
    public void Country_cells(string cell, string key, string? qualifier)
    {
        var match = new UsgsCountryResolver(UsgsFiles.Catalog).Match(cell);

        Assert.NotNull(match);
        Assert.Equal((key, qualifier), (match.Country.Key, match.Qualifier));
    }

    [Theory]
    [InlineData("Lithium ", "lithium", null)]
    [InlineData("Titanium & titanium dioxide", "titanium", null)]
    [InlineData("Titanium sponge metal", "titanium", "sponge-metal")]
    [InlineData("Tio2 Pigment", "titanium", "tio2-pigment")]
    [InlineData("Bauxite", "aluminum", "bauxite")]
    [InlineData("ALUMINA", "aluminum", "alumina")]
    [InlineData("Rare Earths (Heavy)", "ree", "heavy")]
    [InlineData("Zirconium And Hafnium", "zirconium", null)]
    [InlineData("Hafnium", "hafnium", null)]
    [InlineData("Palladium", "palladium", null)]
    [InlineData("Platinum-Group Metals", "pge", null)]
    [InlineData("Magnesium Compounds", "magnesium", "compounds")]
    [InlineData("RARE EARTHS, compounds and metals", "ree", "compounds-and-metals")]
    [InlineData("NIOBIUM (COLUMBIUM)", "niobium", null)]
    [InlineData("Gemanium", "germanium", null)]
    [InlineData("Gallium ", "gallium", null)]
    [InlineData("Iron Ore  ", null, null)]
    [InlineData("Nitrogen (Fixed)—Ammonia", null, null)]
    [InlineData("Thorium", null, null)]
    public void Commodity_names(string name, string? mineral, string? product)
    {
        var commodity = new UsgsCommodities(UsgsFiles.Catalog).ByName(name);

        Assert.Equal((mineral, product), (commodity.MineralId, commodity.Product));
    }

    [Fact]
    public void Every_bundled_per_commodity_file_is_named_by_a_code_of_the_file_code_table()
    {
        var commodities = new UsgsCommodities(UsgsFiles.Catalog);
        var named = UsgsFiles.All()
            .Select(f => System.Text.RegularExpressions.Regex.Match(Path.GetFileName(f), @"^mcs\d{4}-(?<code>[a-z-]+)_(?:world|salient)\.csv$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Where(m => m.Success)
            .Select(m => m.Groups["code"].Value)
            .ToList();

        Assert.True(named.Count >= 20, $"only {named.Count} per-commodity files found under data/usgs");
        Assert.All(named, code => Assert.NotNull(commodities.ByFileCode(code)));
        Assert.Equal("lithium", commodities.ByFileCode("LITHI")?.MineralId);
        Assert.Equal("ree", commodities.ByFileCode("raree")?.MineralId);
        Assert.Null(commodities.ByFileCode("feore")?.MineralId);
        Assert.Null(commodities.ByFileCode("unobt"));
    }

    [Fact]
    public void A_flagged_critical_mineral_that_maps_nowhere_is_a_mapping_gap_in_quarantine()
    {
        const string header = "MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,Is critical mineral 2025,Other notes\r\n";
        var result = UsgsFiles.Parser.Parse("MCS2026_Commodities_Data.csv", UsgsText.Windows1252.GetBytes(header +
            "UNOBTAINIUM,World Mine Production and Reserves,Unobtainium,China,Production,Mine production,metric tons,2025,\"1,000\",Estimated.,Yes,\r\n" +
            "GOLD,World Mine Production and Reserves:,Gold,China,Production,Mine production,metric tons,2025,380,Estimated.,No,\r\n"));

        var gap = Assert.Single(result.Quarantined);
        Assert.Contains("add it to data/usgs/commodity-aliases.json", gap.Reason);
        Assert.Equal(1, result.OutOfScope);
        Assert.True(result.AddsUp);
    }

    /// <summary>
    /// Done-when: every critical-mineral record read is served. Per layout and commodity, the in-scope records the
    /// parser read (read − out of scope) equal the rows it produced plus the records superseded by a correction; nothing
    /// is quarantined. (The feed and API tests then serve every stored row.)
    /// </summary>
    [Theory]
    [InlineData(Mcs2026)]
    [InlineData(Mcs2025)]
    [InlineData("mcs2024-originals/world/mcs2024-lithi_world.csv")]
    [InlineData("mcs2023-originals/world/mcs2023-graph_world.csv")]
    [InlineData("mcs2025/salient/mcs2025-rareee_salient.csv")]
    [InlineData("mcs2025/trends/MCS2025_Fig2_Net_Import_Reliance.csv")]
    [InlineData("excerpts/MCS2024_T5_Critical_Minerals_Salient.excerpt.csv")]
    public void Every_critical_mineral_record_read_becomes_a_row(string file)
    {
        var result = UsgsFiles.Parse(file);

        Assert.Empty(result.Quarantined);
        Assert.Equal(result.Read - result.OutOfScope - result.Superseded, result.Rows.Count + result.Salient.Count);
        Assert.Equal(result.Rows.Count, result.Rows.Select(r => (r.MineralId, ReservesEntities.RowKey(r))).Distinct().Count());
        Assert.Equal(result.Salient.Count, result.Salient.Select(s => (s.MineralId, SalientEntities.RowKey(s))).Distinct().Count());
    }

    [Fact]
    public void Streaming_hands_the_2026_file_back_a_chapter_at_a_time()
    {
        using var stream = new MemoryStream(UsgsFiles.Bytes(Mcs2026));

        var batches = UsgsFiles.Parser.ParseBatches("MCS2026_Commodities_Data.csv", stream).Select(b => (b.Read, b.Rows.Count + b.Salient.Count)).ToList();

        Assert.Equal(79, batches.Count); // one per MCS chapter
        Assert.Equal(7_784, batches.Sum(b => b.Read));
        Assert.True(batches.Max(b => b.Read) < 400);
    }

    [Fact]
    public void Lf_and_crlf_forms_of_the_2026_file_give_the_same_rows()
    {
        var crlf = Parsed2026.Value;
        var lf = UsgsFiles.Parser.Parse("MCS2026_Commodities_Data.excerpt.csv", [.. UsgsFiles.Bytes(Mcs2026).Where(b => b != (byte)'\r')]);

        Assert.Equal(crlf.Rows, lf.Rows);
        Assert.Equal(crlf.Salient.Count, lf.Salient.Count);
    }
}
