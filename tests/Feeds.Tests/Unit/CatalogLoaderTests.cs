using System.Text.Json.Nodes;
using Feeds.Core.Catalog;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit;

public sealed class CatalogLoaderTests
{
    private static readonly CatalogData Catalog = CatalogLoader.Load(new EmbeddedCatalogFiles());

    [Theory]
    [InlineData("IN2023", 30)]
    [InlineData("US2022", 50)]
    [InlineData("US2025", 60)]
    public void Lists_hold_the_published_number_of_entries(string list, int entries) =>
        Assert.Equal(entries, Catalog.Lists.Single(l => l.Id == list).Entries.Count);

    [Fact]
    public void Groups_hold_the_US_individual_entries()
    {
        var ree = Catalog.Minerals.Single(m => m.Id == "ree");
        var pge = Catalog.Minerals.Single(m => m.Id == "pge");
        Assert.Equal(16, ree.Members.Count);
        Assert.Contains("scandium", ree.Members);
        Assert.Contains("yttrium", ree.Members);
        Assert.Equal(["iridium", "palladium", "platinum", "rhodium", "ruthenium"], pge.Members.Order());
    }

    [Fact]
    public void Comtrade_codes_keep_Comtrades_exceptions()
    {
        Assert.Equal(699, Catalog.Countries.Single(c => c.Iso3 == "IND").ComtradeCode);
        Assert.Equal(842, Catalog.Countries.Single(c => c.Iso3 == "USA").ComtradeCode);
        Assert.Equal(156, Catalog.Countries.Single(c => c.Iso3 == "CHN").ComtradeCode);
        Assert.Contains(Catalog.Areas, a => a.ComtradeCode == 490);
        Assert.Contains(Catalog.Areas, a => a.ComtradeCode == 0);
    }

    [Fact]
    public void Hs_codes_carry_vintages_and_the_shared_flag()
    {
        var carbonate = Assert.Single(Catalog.HsCodes, h => h.Code == "283691");
        Assert.False(carbonate.Shared);
        Assert.Contains("H6", carbonate.Vintages);

        var spodumene = Assert.Single(Catalog.HsCodes, h => h.Code == "253090");
        Assert.True(spodumene.Shared);

        // 8112.92 changed coverage with HS 2022: hafnium and rhenium got codes of their own.
        var unwrought = Catalog.HsCodes.Where(h => h.Code == "811292").ToList();
        Assert.Contains(unwrought, h => h.Vintages.Contains("H6") && !h.Minerals.Contains("hafnium"));
        Assert.Contains(unwrought, h => h.Vintages.Contains("H5") && h.Minerals.Contains("hafnium"));
        Assert.All(Catalog.HsCodes.Where(h => h.Code is "811231" or "811241"), h => Assert.Equal(["H6"], h.Vintages));
    }

    [Fact]
    public void Memberships_reference_catalog_countries()
    {
        var msp = Catalog.Memberships.Single(g => g.Id == "MSP");
        Assert.Equal(15, msp.Members.Count);
        Assert.Equal(["AUS", "IND", "JPN", "USA"], Catalog.Memberships.Single(g => g.Id == "QUAD").Members.Select(m => m.Iso3).Order());
        Assert.DoesNotContain(Catalog.Memberships.Single(g => g.Id == "USFTA").Members, m => m.Iso3 == "IND");
        Assert.All(Catalog.Memberships.SelectMany(g => g.Members), m => Assert.False(string.IsNullOrWhiteSpace(m.Citation)));
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Memberships_carry_their_dates()
    {
        var msp = Catalog.Group("MSP")!;
        Assert.Equal((Day("2022-06-14"), Day("2026-02-04")), (msp.From!.Value, msp.To!.Value)); // FORGE succeeded it on 2026-02-04
        Assert.Equal(Day("2023-06-22"), msp.Members.Single(m => m.Iso3 == "IND").From);
        Assert.Equal(Day("2024-03-03"), msp.Members.Single(m => m.Iso3 == "EST").From);
        var belgium = msp.Members.Single(m => m.Iso3 == "BEL");
        Assert.Equal((Day("2025-11-18"), false), (belgium.From, belgium.Confirmed)); // first named among partners; joining day not found
        Assert.All(msp.Members, m => Assert.Equal(Day("2026-02-04"), m.To));

        var usfta = Catalog.Group("USFTA")!;
        Assert.Equal(Day("2023-03-28"), usfta.Members.Single(m => m.Iso3 == "JPN").From);
        Assert.False(usfta.MembersOn(Day("2023-03-27")).Contains("JPN"));
        Assert.True(usfta.MembersOn(Day("2023-03-28")).Contains("JPN"));
        Assert.Equal(("ira-30d-test", Day("2023-04-18"), Day("2025-09-30")), (usfta.LegalTest!.Id, usfta.LegalTest.From, usfta.LegalTest.To));
        Assert.Equal(Day("2017-11-12"), Catalog.Group("QUAD")!.Members[0].From);

        Assert.Equal(["MSP", "QUAD"], Catalog.Country("IND")!.MembershipsOn(Day("2025-01-01")));
        Assert.Equal(["QUAD"], Catalog.Country("IND")!.MembershipsOn(Day("2026-03-01")));
    }

    [Theory]
    [InlineData("from", "2023-02-30", "MSP/IND", "from '2023-02-30' is not a date")]
    [InlineData("from", null, "MSP/IND", "missing from")]
    [InlineData("to", "2023-01-01", "MSP/IND", "is before 'from'")]
    [InlineData("to", "2027-01-01", "MSP/IND", "outside the group's")]
    [InlineData("citation", null, "MSP/IND", "missing citation")]
    public void A_bad_membership_date_or_citation_stops_the_load_naming_file_and_entry(string field, string? value, string entry, string problem)
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.MembershipsFile, doc =>
        {
            var india = doc["groups"]!.AsArray().Single(g => (string?)g!["id"] == "MSP")!["members"]!.AsArray().Single(m => (string?)m!["iso3"] == "IND")!;
            india[field] = value;
        });

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal(("memberships.json", entry), (error.File, error.Entry));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_changes_when_a_file_changes()
    {
        using var files = new CatalogFiles();
        var before = CatalogLoader.Load(files.Files).Version;
        Assert.Equal(Catalog.Version, before);
        files.Edit(CatalogLoader.MineralsFile, doc => doc["minerals"]![0]!["name"] = "Changed");
        Assert.NotEqual(before, CatalogLoader.Load(files.Files).Version);
    }

    [Fact]
    public void Duplicate_mineral_id_stops_the_load_naming_file_and_entry()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.MineralsFile, doc =>
        {
            var minerals = doc["minerals"]!.AsArray();
            minerals.Add(minerals.First(m => (string?)m!["id"] == "lithium")!.DeepClone());
        });

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("minerals.json", error.File);
        Assert.Equal("lithium", error.Entry);
        Assert.Contains("duplicate", error.Message);
    }

    [Fact]
    public void List_entry_naming_an_unknown_mineral_stops_the_load()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.ListsFile, doc =>
            doc["lists"]![0]!["entries"]!.AsArray().Add(new JsonObject { ["name"] = "Unobtainium", ["mineral"] = "unobtainium" }));

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("lists.json", error.File);
        Assert.EndsWith("/Unobtainium", error.Entry);
        Assert.Contains("unobtainium", error.Message);
    }

    [Fact]
    public void Membership_naming_an_unknown_country_stops_the_load()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.MembershipsFile, doc =>
            doc["groups"]![0]!["members"]!.AsArray().Add(new JsonObject { ["iso3"] = "XXX" }));

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("memberships.json", error.File);
        Assert.EndsWith("/XXX", error.Entry);
    }

    [Theory]
    [InlineData("28369")]
    [InlineData("2836911")]
    [InlineData("28369a")]
    public void Malformed_hs_code_stops_the_load(string code)
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.HsCodesFile, doc => doc["codes"]![0]!["code"] = code);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("hs-codes.json", error.File);
        Assert.Equal(code, error.Entry);
        Assert.Contains("six digits", error.Message);
    }

    [Fact]
    public void Hs_code_claimed_by_an_unknown_mineral_stops_the_load()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.HsCodesFile, doc => doc["codes"]![0]!["minerals"]!.AsArray().Add("kryptonite"));

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("hs-codes.json", error.File);
        Assert.Contains("kryptonite", error.Message);
    }

    [Fact]
    public void Same_code_defined_twice_for_one_vintage_stops_the_load()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.HsCodesFile, doc =>
        {
            var codes = doc["codes"]!.AsArray();
            codes.Add(codes[0]!.DeepClone());
        });

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Contains("defined twice", error.Message);
    }

    [Fact]
    public void Duplicate_iso3_stops_the_load()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.CountriesFile, doc =>
        {
            var countries = doc["countries"]!.AsArray();
            var copy = countries.First(c => (string?)c!["iso3"] == "IND")!.DeepClone();
            copy["comtradeCode"] = 9999;
            copy["name"] = "India again";
            copy["usgsNames"] = new JsonArray();
            countries.Add(copy);
        });

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("countries.json", error.File);
        Assert.Equal("IND", error.Entry);
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        using var files = new CatalogFiles();
        File.WriteAllText(Path.Combine(files.Directory, CatalogLoader.CountriesFile), "{ \"countries\": [ { \"iso3\": ");

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(files.Files));
        Assert.Equal("countries.json", error.File);
    }
}
