using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Tests.Support;
using static Feeds.Core.Storage.UsgsMeasure;
using static Feeds.Core.Storage.UsgsQualifier;

namespace Feeds.Tests.Unit;

/// <summary>
/// The parser on the real MCS 2022–2024 per-commodity files bundled in data/usgs (values pinned by reading the files by
/// hand), in both the LF form the mirror returned and the CRLF + BOM form USGS publishes; the value cells and the
/// country cells (UsgsLayoutTests has the 2025 and 2026 layouts, the salient files and tables).
/// </summary>
public sealed class UsgsParserTests
{
    private const string Lithium = "mcs2024-originals/world/mcs2024-lithi_world.csv";
    private const string RareEarths = "mcs2024-originals/world/mcs2024-raree_world.csv";

    public static TheoryData<string> AllFiles() => [.. UsgsFiles.All()];

    public static TheoryData<string> CsvFiles() => [.. UsgsFiles.All().Where(f => f.EndsWith(".csv", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_bundled_file_parses_in_LF_and_CRLF_BOM_forms_with_the_same_outcome(string file)
    {
        var lf = UsgsFiles.Parse(file, UsgsFiles.Lf);
        var crlf = UsgsFiles.Parse(file, UsgsFiles.CrlfBom);

        Assert.True(lf.AddsUp, $"{file}: read {lf.Read} != {lf.Rows.Count} rows + {lf.Salient.Count} salient + {lf.Quarantined.Count} quarantined + {lf.OutOfScope} out of scope + {lf.Superseded} superseded");
        Assert.True(crlf.AddsUp);
        Assert.Equal(lf.Layout, crlf.Layout);
        Assert.Equal(lf.Read, crlf.Read);
        Assert.Equal(lf.Rows, crlf.Rows);
        Assert.Equal(lf.Salient, crlf.Salient);
        Assert.Equal(lf.OutOfScope, crlf.OutOfScope);
        Assert.Equal(lf.Quarantined.Select(q => (q.Location, q.Reason)), crlf.Quarantined.Select(q => (q.Location, q.Reason)));
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void Every_bundled_csv_is_read_as_an_MCS_layout_with_nothing_quarantined(string file)
    {
        var result = UsgsFiles.Parse(file);

        Assert.NotEqual(UsgsParser.UnknownLayout, result.Layout);
        Assert.True(result.Read > 0);
        Assert.Empty(result.Quarantined);
    }

    [Fact]
    public void Files_that_are_not_data_are_quarantined_line_by_line_not_crashed_on()
    {
        var result = UsgsFiles.Parse("mcs2024/world/MCS 2024 Data Release Revision File 2024-03-06.txt");

        Assert.Equal(UsgsParser.UnknownLayout, result.Layout);
        Assert.Empty(result.Rows);
        Assert.Equal(result.Read, result.Quarantined.Count);
        Assert.All(result.Quarantined, q => Assert.StartsWith("header not recognised", q.Reason));
    }

    [Fact]
    public void Lithium_2024_reserves_and_production_by_country()
    {
        var result = UsgsFiles.Parse(Lithium);

        // 11 rows x 3 values; the 15 trailing empty rows and the 12 empty columns are not records.
        Assert.Equal(33, result.Read);
        Assert.Equal(33, result.Rows.Count);
        var australia = UsgsFiles.Row(result, Reserves, "AUS", 2023);
        Assert.Equal("lithium", australia.MineralId);
        Assert.Equal("MCS2024", australia.Edition);
        Assert.Equal(6_200_000d, australia.ValueTons);
        Assert.Equal(Exact, australia.Qualifier);
        Assert.Equal("lithium content", australia.Basis);
        Assert.Contains("4.8 million tons", australia.Notes);
        Assert.Equal("mcs2024-lithi_world.csv", australia.SourceFile);

        Assert.Equal(9_300_000d, UsgsFiles.Row(result, Reserves, "CHL", 2023).ValueTons);
        Assert.Equal(3_000_000d, UsgsFiles.Row(result, Reserves, "CHN", 2023).ValueTons);
        Assert.Equal(3_600_000d, UsgsFiles.Row(result, Reserves, "ARG", 2023).ValueTons);
        Assert.Equal(2_800_000d, UsgsFiles.Row(result, Reserves, UsgsCountry.OthersKey, 2023).ValueTons);
        var world = UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2023);
        Assert.Equal(28_000_000d, world.ValueTons);
        Assert.Null(world.WorldTotalExcludes);

        var production = UsgsFiles.Row(result, MineProduction, "AUS", 2023);
        Assert.Equal((86_000d, Estimated), (production.ValueTons, production.Qualifier));
        Assert.Equal((74_700d, Exact), (UsgsFiles.Row(result, MineProduction, "AUS", 2022).ValueTons, UsgsFiles.Row(result, MineProduction, "AUS", 2022).Qualifier));
        var us = UsgsFiles.Row(result, MineProduction, "USA", 2023);
        Assert.Equal((null, Withheld, "W"), (us.ValueTons, us.Qualifier, us.ValuePublished));
        Assert.Equal("Excludes U.S. production.", UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2023).WorldTotalExcludes);
        Assert.Equal("Other countries6", UsgsFiles.Row(result, MineProduction, UsgsCountry.OthersKey, 2022).CountryPublished);
    }

    [Fact]
    public void Rare_earths_2024_China_production_is_the_estimated_quota_in_oxide_equivalent()
    {
        var result = UsgsFiles.Parse(RareEarths);

        var china = UsgsFiles.Row(result, MineProduction, "CHN", 2023);
        Assert.Equal("ree", china.MineralId);
        Assert.Equal((240_000d, Estimated), (china.ValueTons, china.Qualifier));
        Assert.Equal("rare-earth-oxide equivalent", china.Basis);
        Assert.Equal("Production quota; does not include undocumented production.", china.Notes);
        Assert.Equal((210_000d, Estimated), (UsgsFiles.Row(result, MineProduction, "CHN", 2022).ValueTons, UsgsFiles.Row(result, MineProduction, "CHN", 2022).Qualifier));
        Assert.Equal(44_000_000d, UsgsFiles.Row(result, Reserves, "CHN", 2023).ValueTons);
        Assert.Equal(350_000d, UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2023).ValueTons);
        Assert.Equal(NotAvailable, UsgsFiles.Row(result, Reserves, "MMR", 2023).Qualifier);
    }

    [Fact]
    public void Rare_earths_2023_edition_has_its_own_years()
    {
        var result = UsgsFiles.Parse("mcs2023/world/mcs2023-raree_world.csv");

        var china = UsgsFiles.Row(result, MineProduction, "CHN", 2022);
        Assert.Equal(("MCS2023", 210_000d, Estimated), (china.Edition, china.ValueTons, china.Qualifier));
        Assert.Equal((168_000d, Exact), (UsgsFiles.Row(result, MineProduction, "CHN", 2021).ValueTons, UsgsFiles.Row(result, MineProduction, "CHN", 2021).Qualifier));
        Assert.Equal(44_000_000d, UsgsFiles.Row(result, Reserves, "CHN", 2022).ValueTons);
        Assert.Equal(130_000_000d, UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2022).ValueTons);
    }

    [Fact]
    public void Nickel_world_total_reserves_are_a_lower_bound_and_padded_bounds_with_separators_read()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-nicke_world.csv");

        var world = UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2023);
        Assert.Equal((130_000_000d, LowerBound, ">130,000,000"), (world.ValueTons, world.Qualifier, world.ValuePublished));
        var others = UsgsFiles.Row(result, Reserves, UsgsCountry.OthersKey, 2023);
        Assert.Equal((9_100_000d, LowerBound, "    >9,100,000"), (others.ValueTons, others.Qualifier, others.ValuePublished));
        Assert.Equal(7_100_000d, UsgsFiles.Row(result, Reserves, "NCL", 2023).ValueTons); // "New Caledonia9"
        Assert.Equal(55_000_000d, UsgsFiles.Row(result, Reserves, "IDN", 2023).ValueTons);
        Assert.Equal("metric tons contained", UsgsFiles.Row(result, MineProduction, "IDN", 2023).Basis);
    }

    [Fact]
    public void Selenium_2024_reserves_labelled_kt_are_corrected_to_tons_and_say_so()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-selen_world.csv");

        var us = UsgsFiles.Row(result, Reserves, "USA", 2023);
        Assert.Equal(11_000d, us.ValueTons);
        Assert.Equal(("kt", "t"), (us.UnitPublished, us.Unit));
        Assert.StartsWith("kt -> t: MCS 2024 selenium reserves are labelled thousand metric tons but are metric tons.", us.UnitCorrection);
        Assert.Equal(95_000d, UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2023).ValueTons);

        var production = UsgsFiles.Row(result, RefineryProduction, "CHN", 2023);
        Assert.Equal(1_500d, production.ValueTons); // production columns are t and were not corrected
        Assert.Null(production.UnitCorrection);
        Assert.Equal("Excludes U.S. production.", UsgsFiles.Row(result, RefineryProduction, UsgsCountry.WorldKey, 2023).WorldTotalExcludes);
    }

    [Fact]
    public void Kilotons_and_kilograms_are_converted_to_metric_tons()
    {
        var phosphate = UsgsFiles.Parse("mcs2024/world/mcs2024-phosp_world.csv");
        var us = UsgsFiles.Row(phosphate, MineProduction, "USA", 2022);
        Assert.Equal((19_800_000d, "19,800", "kt"), (us.ValueTons, us.ValuePublished, us.UnitPublished)); // quoted "19,800" kt
        Assert.Equal("phosphorus", us.MineralId);
        Assert.Equal(90_000_000d, UsgsFiles.Row(phosphate, MineProduction, "CHN", 2023).ValueTons); // "China6"

        var rhenium = UsgsFiles.Parse("mcs2024/world/mcs2024-rheni_world.csv");
        Assert.Equal(1_300d, UsgsFiles.Row(rhenium, Reserves, "CHL", 2023).ValueTons); // 1,300,000 kg
        Assert.Equal(30d, UsgsFiles.Row(rhenium, MineProduction, "CHL", 2023).ValueTons); // 30,000 kg
        var world = UsgsFiles.Row(rhenium, Reserves, UsgsCountry.WorldKey, 2023);
        Assert.Equal((NotAvailable, "           NA"), (world.Qualifier, world.ValuePublished));
        Assert.Equal("World reserves are categorized as \"Large\"", world.Notes);

        var molybdenum = UsgsFiles.Parse("mcs2024/world/mcs2024-molyb_world.csv");
        Assert.Equal(1_400_000d, UsgsFiles.Row(molybdenum, Reserves, "CHL", 2023).ValueTons); // Reserves_kt beside Prod_t
        Assert.Equal(46_000d, UsgsFiles.Row(molybdenum, MineProduction, "CHL", 2023).ValueTons);
        var australia = UsgsFiles.Row(molybdenum, Reserves, "AUS", 2023);
        Assert.Equal((690_000d, false), (australia.ValueTons, australia.ValueFromNotes)); // "6For Australia…" is a note, not a value
    }

    [Fact]
    public void Chromium_reserves_in_kt_and_a_padded_NA()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-chrom_world.csv");

        Assert.Equal(79_000_000d, UsgsFiles.Row(result, Reserves, "IND", 2023).ValueTons);
        var others = UsgsFiles.Row(result, Reserves, UsgsCountry.OthersKey, 2023);
        Assert.Equal((null, NotAvailable, "        NA"), (others.ValueTons, others.Qualifier, others.ValuePublished));
        Assert.Equal(18_000_000d, UsgsFiles.Row(result, MineProduction, "ZAF", 2023).ValueTons); // "Mne production" is mine production
    }

    [Fact]
    public void Potash_two_reserves_columns_are_two_products()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-potas_world.csv");

        var ore = UsgsFiles.Row(result, Reserves, "CAN", 2023, "ore");
        Assert.Equal((4_500_000_000d, "ore"), (ore.ValueTons, ore.Basis));
        // K2O equivalent is potash's main series in every edition (the basis says so); ore is its own product.
        var k2o = UsgsFiles.Row(result, Reserves, "CAN", 2023, "main");
        Assert.Equal((1_100_000_000d, "ore K2O equiv"), (k2o.ValueTons, k2o.Basis));
        Assert.Equal(NotAvailable, UsgsFiles.Row(result, Reserves, "ISR", 2023, "ore").Qualifier);
        Assert.Equal(13_000_000d, UsgsFiles.Row(result, MineProduction, "CAN", 2023).ValueTons);
        Assert.Equal(220_000_000d, UsgsFiles.Row(result, Reserves, "USA", 2023, "main").ValueTons); // "United States1"
    }

    [Fact]
    public void Titanium_sponge_production_and_two_capacity_columns()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-titan_world.csv");

        Assert.DoesNotContain(result.Rows, r => r.Measure == Reserves);
        Assert.Equal(260_000d, UsgsFiles.Row(result, Capacity, "CHN", 2023, "sponge-metal").ValueTons);
        Assert.Equal(5_500_000d, UsgsFiles.Row(result, Capacity, "CHN", 2023, "tio2-pigment").ValueTons);
        var production = UsgsFiles.Row(result, RefineryProduction, "CHN", 2023, "sponge-metal");
        Assert.Equal((220_000d, Estimated, "sponge"), (production.ValueTons, production.Qualifier, production.Stage));
        Assert.Equal(Withheld, UsgsFiles.Row(result, RefineryProduction, "USA", 2022, "sponge-metal").Qualifier);
        Assert.Equal("titanium", production.MineralId);
    }

    [Fact]
    public void Zirconium_reserves_with_a_year_and_the_shared_chapter_name()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-zirco_world.csv");

        var australia = UsgsFiles.Row(result, Reserves, "AUS", 2023);
        Assert.Equal(("zirconium", 55_000_000d), (australia.MineralId, australia.ValueTons));
        Assert.Equal(1_600_000d, UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2023).ValueTons);
    }

    [Fact]
    public void Silicon_file_holds_two_types_told_apart_by_product()
    {
        var result = UsgsFiles.Parse("mcs2024/world/mcs2024-simet_world.csv");

        Assert.Equal(("silicon content", 3_600_000d), (UsgsFiles.Row(result, RefineryProduction, "CHN", 2023, "ferrosilicon").Basis, UsgsFiles.Row(result, RefineryProduction, "CHN", 2023, "ferrosilicon").ValueTons));
        Assert.Equal(3_000_000d, UsgsFiles.Row(result, RefineryProduction, "CHN", 2023, "silicon-metal").ValueTons);
        Assert.Equal("Excludes U.S. production.", UsgsFiles.Row(result, RefineryProduction, UsgsCountry.WorldKey, 2023, "silicon-metal").WorldTotalExcludes);
        // Blank reserves cells: no value published.
        Assert.Equal((NotAvailable, ""), (UsgsFiles.Row(result, Reserves, "CHN", 2023, "silicon-metal").Qualifier, UsgsFiles.Row(result, Reserves, "CHN", 2023, "silicon-metal").ValuePublished));
    }

    [Fact]
    public void Singular_Prod_note_header_and_Korea_spelling()
    {
        var result = UsgsFiles.Parse("mcs2024/world/MCS2024-bismu_world.csv");

        var laos = UsgsFiles.Row(result, RefineryProduction, "LAO", 2022);
        Assert.Equal((1_940d, "Reported quantity in 2022"), (laos.ValueTons, laos.Notes));
        Assert.Equal(850d, UsgsFiles.Row(result, RefineryProduction, "KOR", 2023).ValueTons);
        Assert.Equal(220d, UsgsFiles.Parse("mcs2024/world/mcs2024-cadmi_world.csv").Rows.Single(r => r.Country.Key == "USA" && r.Year == 2023 && r.Measure == RefineryProduction).ValueTons);
    }

    [Fact]
    public void Cobalt_footnote_digits_and_curly_quotes_in_notes()
    {
        var result = UsgsFiles.Parse("mcs2024-originals/world/mcs2024-cobal_world.csv");

        var caledonia = UsgsFiles.Row(result, MineProduction, "NCL", 2023);
        Assert.Equal(("New Caledonia11", 3_000d), (caledonia.CountryPublished, caledonia.ValueTons));
        Assert.Equal(170_000d, UsgsFiles.Row(result, MineProduction, "COD", 2023).ValueTons);
        Assert.Contains("\u201cOther countries\u201d", UsgsFiles.Row(result, Reserves, "COD", 2023).Notes);
    }

    [Fact]
    public void Graphite_quoted_thousands_a_note_that_says_estimated_and_included_in_world_total()
    {
        var result = UsgsFiles.Parse("mcs2024-originals/world/mcs2024-graph_world.csv");

        // "Also estimated in 2022" in the notes: the 2022 figure is an estimate too.
        var brazil = UsgsFiles.Row(result, MineProduction, "BRA", 2022);
        Assert.Equal(("graphite", 72_000d, Estimated, "72,000"), (brazil.MineralId, brazil.ValueTons, brazil.Qualifier, brazil.ValuePublished));
        var austria = UsgsFiles.Row(result, Reserves, "AUT", 2023);
        Assert.Equal((null, IncludedElsewhere), (austria.ValueTons, austria.Qualifier));
        Assert.Equal(78_000_000d, UsgsFiles.Row(result, Reserves, "CHN", 2023).ValueTons);
        Assert.Equal("United\u00a0States", UsgsFiles.Row(result, MineProduction, "USA", 2023).CountryPublished.Replace(" ", "\u00a0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_misfiled_cobalt_salient_file_is_read_by_its_header_as_a_world_file()
    {
        var result = UsgsFiles.Parse("mcs2024-originals/salient/mcs2024-cobal_salient.csv");

        Assert.Equal(UsgsParser.PerCommodityLayout, result.Layout);
        Assert.Empty(result.Quarantined);
        Assert.All(result.Rows, r => Assert.Equal(("cobalt", "MCS2024"), (r.MineralId, r.Edition)));
        Assert.Contains(result.Rows, r => r.Year == 2021); // its column names say 2021 and 2022: kept as published
    }

    [Fact]
    public void Non_breaking_space_and_the_estimate_mark_on_country_names()
    {
        var result = UsgsFiles.ParseText("mcs2024-nicke_world.csv",
            "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\n" +
            "MCS2024,United\u00a0States,Mine production,1,2,,3,\n" +
            "MCS2024,Japane,Mine production,4,5,,6,\n" +
            "MCS2024,Russiae,Mine production,7,8,,9,\n" +
            "MCS2024,\"Korea, Republic ofe\",Mine production,10,11,,12,\n" +
            "MCS2024,Ukraine,Mine production,13,14,,15,\n" +
            "MCS2024,France,Mine production,16,17,,18,\n" +
            "MCS2024,\"Korea, North\",Mine production,19,20,,21,\n" +
            "MCS2024,World total (rounded)10,Mine production,22,23,,24,\n");

        Assert.Empty(result.Quarantined);
        Assert.Equal((1d, Exact, false), (UsgsFiles.Row(result, MineProduction, "USA", 2022).ValueTons, UsgsFiles.Row(result, MineProduction, "USA", 2022).Qualifier, UsgsFiles.Row(result, MineProduction, "USA", 2022).Estimated));
        foreach (var (iso3, value) in new[] { ("JPN", 4d), ("RUS", 7d), ("KOR", 10d) })
        {
            var row = UsgsFiles.Row(result, MineProduction, iso3, 2022);
            Assert.Equal((value, Estimated, true), (row.ValueTons, row.Qualifier, row.Country.EstimateMark));
        }

        // Names that end in "e" match as they are, with no estimate mark.
        Assert.Equal((Exact, false), (UsgsFiles.Row(result, MineProduction, "UKR", 2022).Qualifier, UsgsFiles.Row(result, MineProduction, "UKR", 2022).Country.EstimateMark));
        Assert.Equal(Exact, UsgsFiles.Row(result, MineProduction, "FRA", 2022).Qualifier);
        Assert.Equal(19d, UsgsFiles.Row(result, MineProduction, "PRK", 2022).ValueTons);
        Assert.Equal(("World total (rounded)10", true), (UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2022).CountryPublished, UsgsFiles.Row(result, MineProduction, UsgsCountry.WorldKey, 2022).Country.IsAggregate));
    }

    [Fact]
    public void Capacity_instead_of_reserves_and_the_rarer_unit_suffixes()
    {
        var gallium = UsgsFiles.ParseText("mcs2024-galli_world.csv",
            "Source,Country,Type,Prod_kg_2022,Prod_kg_est_2023,Prod_notes,Cap_kg_2023,Cap_notes\n" +
            "MCS2024,China,Refinery production,\"600,000\",\"750,000\",,\"1,000,000\",Primary capacity.\n");
        var capacity = UsgsFiles.Row(gallium, Capacity, "CHN", 2023);
        Assert.Equal(("gallium", 1_000d, "Primary capacity."), (capacity.MineralId, capacity.ValueTons, capacity.Notes));
        Assert.DoesNotContain(gallium.Rows, r => r.Measure == Reserves);

        var zirconium = UsgsFiles.ParseText("mcs2023-zirco-hafni_world.csv",
            "Source,Country,Type,Prod_Mt_2021,Prod_mct_est_2022,Prod_notes,Reserves_mcm,Reserves_notes\n" +
            "MCS2023,Australia,Mine production,2,3,,4,\n");
        Assert.Equal(("zirconium", 2_000_000d), (UsgsFiles.Row(zirconium, MineProduction, "AUS", 2021).MineralId, UsgsFiles.Row(zirconium, MineProduction, "AUS", 2021).ValueTons));
        var carats = UsgsFiles.Row(zirconium, MineProduction, "AUS", 2022);
        Assert.Equal((null, Estimated, "mct", "3"), (carats.ValueTons, carats.Qualifier, carats.Unit, carats.ValuePublished)); // carats are not tons
        Assert.Equal((null, "mcm"), (UsgsFiles.Row(zirconium, Reserves, "AUS", 2022).ValueTons, UsgsFiles.Row(zirconium, Reserves, "AUS", 2022).Unit));
    }

    [Fact]
    public void Reserves_given_only_in_the_notes_are_read_from_the_notes()
    {
        var result = UsgsFiles.ParseText("mcs2024-graph_world.csv",
            "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n" +
            "MCS2024,World total (rounded),\"Mine production, graphite\",1,2,,NA,\">2,000,000. In addition, large deposits exist.\"\r\n" +
            "MCS2024,China,\"Mine production, graphite\",1,2,,NA,\"2 billion tons of potassium chloride in the Dead Sea\"\r\n");

        var world = UsgsFiles.Row(result, Reserves, UsgsCountry.WorldKey, 2023);
        Assert.Equal((2_000_000d, LowerBound, true, ">2,000,000"), (world.ValueTons, world.Qualifier, world.ValueFromNotes, world.ValuePublished));
        Assert.StartsWith(">2,000,000. In addition", world.Notes);
        var china = UsgsFiles.Row(result, Reserves, "CHN", 2023);
        Assert.Equal((null, NotAvailable, false), (china.ValueTons, china.Qualifier, china.ValueFromNotes)); // a number in prose is not taken
    }

    [Fact]
    public void Leading_spaces_in_Type_and_several_types_in_one_file()
    {
        var result = UsgsFiles.ParseText("mcs2024-plati_world.csv",
            "Source,Country,Type,Prod_kg_2022,Prod_kg_est_2023,Prod_notes,Reserves_kg,Reserves_notes\n" +
            "MCS2024,South Africa, Mine production: Platinum,\"120,000\",\"120,000\",,\"63,000,000\",Platinum-group metals.\n" +
            "MCS2024,South Africa, Mine production: Palladium,\"80,000\",\"75,000\",,\"63,000,000\",Platinum-group metals.\n");

        Assert.Empty(result.Quarantined);
        Assert.Equal(120d, UsgsFiles.Row(result, MineProduction, "ZAF", 2022, "platinum").ValueTons);
        Assert.Equal(75d, UsgsFiles.Row(result, MineProduction, "ZAF", 2023, "palladium").ValueTons);
        Assert.All(result.Rows, r => Assert.Equal("pge", r.MineralId));
    }

    [Fact]
    public void Windows_1252_bytes_are_decoded_as_Windows_1252()
    {
        var text = "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n" +
                   "MCS2024,Brazil,\"Mine production, lithium content\",1,2,\u201cRevised\u201d \u00bd,3,\r\n";
        var result = UsgsFiles.Parser.Parse("mcs2024-lithi_world.csv", UsgsText.Windows1252.GetBytes(text));

        Assert.Equal("windows-1252", result.Encoding);
        Assert.Equal("\u201cRevised\u201d \u00bd", UsgsFiles.Row(result, MineProduction, "BRA", 2022).Notes);
    }

    [Fact]
    public void An_unknown_country_or_an_unreadable_value_is_quarantined_and_the_rest_stored()
    {
        var result = UsgsFiles.ParseText("mcs2024-lithi_world.csv",
            "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\n" +
            "MCS2024,Atlantis,\"Mine production, lithium content\",1,2,,3,\n" +
            "MCS2024,Chile,\"Mine production, lithium content\",38000,44O00,,9300000,\n" +
            "MCS2024,China,\"Mine production, lithium content\",22600,33000,,3000000,\n");

        Assert.Equal(9, result.Read);
        Assert.Equal(5, result.Rows.Count);
        Assert.Equal(4, result.Quarantined.Count);
        Assert.Equal(3, result.Quarantined.Count(q => q.Reason.Contains("country 'Atlantis' is not in the catalog", StringComparison.Ordinal)));
        var bad = Assert.Single(result.Quarantined, q => q.Reason.Contains("44O00", StringComparison.Ordinal));
        Assert.Equal("line 3, column Prod_t_est_2023", bad.Location);
        Assert.Contains("Chile", bad.Raw);
        Assert.Equal(38_000d, UsgsFiles.Row(result, MineProduction, "CHL", 2022).ValueTons);
    }

    [Fact]
    public void Unit_corrections_apply_only_to_the_listed_file_and_column()
    {
        const string header = "Source,Country,Type,Prod_kg_2021,Prod_kg_est_2022,Prod_notes,Reserves_kt,Reserves_notes\n";
        const string line = "MCS2023,Chile,\"Mine production, contained rhenium\",27000,29000,,\"1,300,000\",\n";
        var corrected = UsgsFiles.ParseText("mcs2023-rheni_world.csv", header + line);
        var asLabelled = UsgsFiles.ParseText("mcs2024-rheni_world.csv", header + line.Replace("MCS2023", "MCS2024", StringComparison.Ordinal));

        var fixedRow = UsgsFiles.Row(corrected, Reserves, "CHL", 2022);
        Assert.Equal((1_300d, "kt", "kg"), (fixedRow.ValueTons, fixedRow.UnitPublished, fixedRow.Unit));
        Assert.NotNull(fixedRow.UnitCorrection);
        var trusted = UsgsFiles.Row(asLabelled, Reserves, "CHL", 2023);
        Assert.Equal((1_300_000_000d, null), (trusted.ValueTons, trusted.UnitCorrection));
        Assert.Equal(6, UsgsCorrections.Load().UnitLabels.Count);
    }

    [Fact]
    public void Broken_lines_are_quarantined_one_by_one_and_reading_goes_on()
    {
        var result = UsgsFiles.ParseText("mcs2024-lithi_world.csv",
            "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes,,\n" +
            "MCS2024,Chile,\"Mine production, lithium content,38000,44000,,9300000,\n" +
            "MCS2024,China,Mine production,22600\n" +
            "MCS2024,Canada,Mine production,520,3400,,930000,,,stray\n" +
            "MCS2024,Zimbabwe,Mine production,1030,3400,,310000,,,\n");

        Assert.True(result.AddsUp);
        Assert.Contains(result.Quarantined, q => q.Reason == "line has an unterminated quoted field" && q.Location == "line 2");
        Assert.Contains(result.Quarantined, q => q.Reason.StartsWith("line has 4 fields", StringComparison.Ordinal));
        Assert.Contains(result.Quarantined, q => q.Reason.Contains("'stray' in column 10, which has no header", StringComparison.Ordinal));
        Assert.Equal(3, result.Rows.Count); // Zimbabwe only
        Assert.All(result.Rows, r => Assert.Equal("ZWE", r.Country.Key));
    }

    [Fact]
    public void A_commodity_on_no_list_is_out_of_scope_not_quarantined()
    {
        const string text = "Source,Country,Type,Prod_kt_2022,Prod_kt_est_2023,Prod_notes,Reserves_kt,Reserves_notes\nMCS2024,China,Production,1,2,,3,\n";
        var cement = UsgsFiles.ParseText("mcs2024-cemen_world.csv", text);
        var unknown = UsgsFiles.ParseText("mcs2024-zzzzz_world.csv", text);

        foreach (var result in new[] { cement, unknown })
        {
            Assert.Empty(result.Rows);
            Assert.Empty(result.Quarantined);
            Assert.Equal((3L, 3L), (result.Read, result.OutOfScope));
            Assert.True(result.AddsUp);
        }

        Assert.Equal(["Cement"], cement.OutOfScopeNames);
        Assert.Equal(["file code 'zzzzz'"], unknown.OutOfScopeNames);
    }

    [Theory]
    [InlineData("1,234", Exact, 1234.0)]
    [InlineData("\"72,000\"", NotAvailable, null)] // quotes are the CSV reader's business, never part of a value
    [InlineData("   1100000.0", Exact, 1100000.0)]
    [InlineData("W", Withheld, null)]
    [InlineData("NA", NotAvailable, null)]
    [InlineData("             NA", NotAvailable, null)]
    [InlineData("XX", NotApplicable, null)]
    [InlineData("—", Zero, 0.0)]
    [InlineData("Large", Qualitative, null)]
    [InlineData("Very small", Qualitative, null)]
    [InlineData("s", Qualitative, null)]
    [InlineData("Moderate to large", Qualitative, null)]
    [InlineData("Variable, depending on type of product", Qualitative, null)]
    [InlineData("E", NetExporter, null)]
    [InlineData("e20,000", Estimated, 20000.0)]
    [InlineData("?1", UnknownBound, 1.0)]
    [InlineData("10,000 - 15,000", UsgsQualifier.Range, 10000.0)]
    [InlineData("50\u2013300", UsgsQualifier.Range, 50.0)]
    [InlineData("68\u00a0", Exact, 68.0)]
    [InlineData(">85,000,000", LowerBound, 85000000.0)]
    [InlineData("Included in World total.", IncludedElsewhere, null)]
    [InlineData("Included with ilmenite", IncludedElsewhere, null)]
    [InlineData("<1", UpperBound, 1.0)]
    [InlineData(">100000000", LowerBound, 100000000.0)]
    [InlineData("    >9,100,000", LowerBound, 9100000.0)]
    [InlineData("Less than ½ unit.", UpperBound, 0.5)]
    [InlineData("", NotAvailable, null)]
    public void Value_cells(string cell, string qualifier, double? number)
    {
        var value = UsgsValueParser.Parse(cell, estimated: false);
        if (cell.StartsWith('"'))
        {
            Assert.False(value.IsReadable);
            return;
        }

        Assert.True(value.IsReadable, value.Error);
        Assert.Equal(qualifier, value.Qualifier);
        Assert.Equal(number, (double?)value.Number);
        Assert.Equal(cell, value.Published);
    }

    [Theory]
    [InlineData("12O0")]
    [InlineData("1.2.3")]
    [InlineData("-5")]
    [InlineData("> lots")]
    [InlineData("1,23")]
    public void Unreadable_value_cells_are_errors_not_guesses(string cell) =>
        Assert.False(UsgsValueParser.Parse(cell, estimated: false).IsReadable);

    [Fact]
    public void A_number_in_an_estimated_column_is_estimated()
    {
        Assert.Equal(Estimated, UsgsValueParser.Parse("86000", estimated: true).Qualifier);
        Assert.Equal(LowerBound, UsgsValueParser.Parse(">86000", estimated: true).Qualifier);
    }
}
