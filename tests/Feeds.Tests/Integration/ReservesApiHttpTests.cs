using System.Net;
using System.Text.Json;
using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary><c>GET /api/reserves</c> over real HTTP on the local host, after an offline run of the usgs feed on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReservesApiHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalServer _server = null!;

    public async Task InitializeAsync()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.SourcesOffline] = "true";
        _server = await LocalServer.StartAsync(settings);
        var run = await _server.App.Services.GetRequiredService<FeedRunService>()
            .RunAsync(UsgsFeed.FeedName, "test", force: false, progress: null, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Item(JsonElement body, string measure, string country, int year, string product = "main") =>
        body.GetProperty("items").EnumerateArray().Single(i =>
            i.GetProperty("measure").GetString() == measure && i.GetProperty("countryKey").GetString() == country && i.GetProperty("year").GetInt32() == year
            && i.GetProperty("product").GetString() == product);

    /// <summary>Every item of a list route, following continuations.</summary>
    private async Task<List<JsonElement>> AllItems(string url)
    {
        var items = new List<JsonElement>();
        var next = url + (url.Contains('?') ? "&" : "?") + "limit=1000";
        while (next is not null)
        {
            var body = await GetJson(next);
            items.AddRange(body.GetProperty("items").EnumerateArray());
            next = body.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String
                ? url + (url.Contains('?') ? "&" : "?") + "limit=1000&continuation=" + Uri.EscapeDataString(c.GetString()!)
                : null;
        }

        return items;
    }

    /// <summary>A route's items for one edition, or none when the route lists no such edition for the mineral (asking would be a 400).</summary>
    private async Task<List<JsonElement>> ItemsOfEdition(string route, string mineral, string edition)
    {
        var first = await GetJson($"{route}?mineral={mineral}&limit=1");
        var editions = first.GetProperty("editions").EnumerateArray().Select(e => e.GetString()).ToList();
        return editions.Contains(edition) ? await AllItems($"{route}?mineral={mineral}&edition={edition}") : [];
    }

    [Fact]
    public async Task Lithium_reserves_by_country_with_shares_of_the_world_total_and_ranks()
    {
        var body = await GetJson("/api/reserves?mineral=lithium&edition=MCS2024");

        Assert.Equal(("MCS2024", "requested"), (body.GetProperty("edition").GetString(), body.GetProperty("editionSelection").GetString()));
        Assert.False(body.GetProperty("isSample").GetBoolean());
        var australia = Item(body, "reserves", "AUS", 2023);
        Assert.Equal(6_200_000d, australia.GetProperty("valueTons").GetDouble());
        Assert.Equal(0.2214, australia.GetProperty("shareOfWorld").GetDouble()); // 6.2 Mt of 28 Mt
        Assert.Equal(2, australia.GetProperty("rank").GetInt32());
        Assert.Equal("world-total", australia.GetProperty("shareBasis").GetString());
        Assert.Equal("lithium content", australia.GetProperty("basis").GetString());
        Assert.Equal((1, 0.3321), (Item(body, "reserves", "CHL", 2023).GetProperty("rank").GetInt32(), Item(body, "reserves", "CHL", 2023).GetProperty("shareOfWorld").GetDouble()));
        Assert.Equal(3, Item(body, "reserves", "ARG", 2023).GetProperty("rank").GetInt32());
        Assert.Equal(4, Item(body, "reserves", "CHN", 2023).GetProperty("rank").GetInt32());
        var world = Item(body, "reserves", "WORLD", 2023);
        Assert.Equal((28_000_000d, true, 1d), (world.GetProperty("valueTons").GetDouble(), world.GetProperty("isAggregate").GetBoolean(), world.GetProperty("shareOfWorld").GetDouble()));
        Assert.Equal(JsonValueKind.Null, world.GetProperty("rank").ValueKind);
        Assert.Equal(0.1, Item(body, "reserves", "OTHERS", 2023).GetProperty("shareOfWorld").GetDouble());

        // Production: the World total excludes the US, whose production is withheld.
        var production = Item(body, "mine-production", "AUS", 2023);
        Assert.Equal((0.4778, 1, "Excludes U.S. production."), (production.GetProperty("shareOfWorld").GetDouble(), production.GetProperty("rank").GetInt32(), production.GetProperty("worldTotalExcludes").GetString()));
        var us = Item(body, "mine-production", "USA", 2023);
        Assert.Equal(("withheld", JsonValueKind.Null), (us.GetProperty("qualifier").GetString(), us.GetProperty("shareOfWorld").ValueKind));
        var totals = body.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("measure").GetString() == "mine-production" && t.GetProperty("year").GetInt32() == 2023);
        Assert.Equal("Excludes U.S. production.", totals.GetProperty("worldTotalExcludes").GetString());

    }

    [Fact]
    public async Task Filters_by_country_measure_and_edition_keep_shares_over_the_whole_world()
    {
        var australia = await GetJson("/api/reserves?mineral=LITHIUM&country=aus&measure=reserves&edition=MCS2024");
        var only = Assert.Single(australia.GetProperty("items").EnumerateArray());
        Assert.Equal((0.2214, 2), (only.GetProperty("shareOfWorld").GetDouble(), only.GetProperty("rank").GetInt32()));

        var ree2023 = await GetJson("/api/reserves?mineral=ree&edition=mcs2023&measure=mine-production");
        Assert.Equal("MCS2023", ree2023.GetProperty("edition").GetString());
        var china = Item(ree2023, "mine-production", "CHN", 2022);
        Assert.Equal((210_000d, "estimated", 0.7), (china.GetProperty("valueTons").GetDouble(), china.GetProperty("qualifier").GetString(), china.GetProperty("shareOfWorld").GetDouble()));

        var latest = await GetJson("/api/reserves?mineral=ree&measure=mine-production");
        Assert.Equal(["MCS2026", "MCS2025", "MCS2024", "MCS2023"], latest.GetProperty("editions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("MCS2026", "newest edition that has the mineral"), (latest.GetProperty("edition").GetString(), latest.GetProperty("editionSelection").GetString()));
        Assert.Equal(2_900d, Item(latest, "mine-production", "IND", 2025).GetProperty("valueTons").GetDouble());
    }

    [Fact]
    public async Task Bounds_and_missing_world_totals_say_what_the_shares_are_over()
    {
        var nickel = await GetJson("/api/reserves?mineral=nickel&measure=reserves&edition=MCS2024");
        var indonesia = Item(nickel, "reserves", "IDN", 2023);
        Assert.Equal((0.4231, "world-total-lower-bound"), (indonesia.GetProperty("shareOfWorld").GetDouble(), indonesia.GetProperty("shareBasis").GetString()));

        // Rhenium's World total reserves are NA ("Large"): shares are over the sum of the rows.
        var rhenium = await GetJson("/api/reserves?mineral=rhenium&measure=reserves&edition=MCS2024");
        var chile = Item(rhenium, "reserves", "CHL", 2023);
        Assert.Equal("sum-of-rows", chile.GetProperty("shareBasis").GetString());
        Assert.Equal(Math.Round(1_300_000d / (400_000 + 95_000 + 1_300_000 + 19_200 + 190_000 + 310_000), 4), chile.GetProperty("shareOfWorld").GetDouble());
    }

    [Fact]
    public async Task Csv_has_a_row_per_item()
    {
        var csv = await _server.Client.GetStringAsync("/api/reserves?mineral=lithium&measure=reserves&edition=MCS2024&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("edition,measure,stage,product,year,country_key,iso3,country,", lines[0]);
        Assert.Equal(12, lines.Length); // header + 9 countries + Other countries + World total
        Assert.Contains(lines, l => l.StartsWith("MCS2024,reserves,,main,2023,AUS,AUS,Australia,Australia,false,6200000,,exact,false,false,6200000,t,,,lithium content,,0.2214,2,world-total,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/reserves", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/reserves?mineral=Li'%20or%201", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/reserves?mineral=lithium&edition=2024", HttpStatusCode.BadRequest, "edition")]
    [InlineData("/api/reserves?mineral=lithium&measure=output", HttpStatusCode.BadRequest, "measure")]
    [InlineData("/api/reserves?mineral=lithium&country=Australia", HttpStatusCode.BadRequest, "country")]
    [InlineData("/api/reserves?mineral=lithium&country=XYZ", HttpStatusCode.BadRequest, "country")]
    [InlineData("/api/reserves?mineral=lithium&year=2023", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/reserves?mineral=unobtainium", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/reserves?mineral=lithium&edition=MCS1999", HttpStatusCode.BadRequest, "edition")]
    [InlineData("/api/reserves/series?mineral=unobtainium&country=AUS&measure=reserves", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/reserves/series?mineral=lithium&measure=reserves", HttpStatusCode.BadRequest, "country")]
    [InlineData("/api/reserves/series?mineral=lithium&country=AUS", HttpStatusCode.BadRequest, "measure")]
    [InlineData("/api/reserves/series?mineral=lithium&country=AUS&measure=reserves&editions=some", HttpStatusCode.BadRequest, "editions")]
    [InlineData("/api/reserves/series?mineral=lithium&country=AUS&measure=reserves&product=Main%20Product", HttpStatusCode.BadRequest, "product")]
    [InlineData("/api/salient", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/salient?mineral=lithium&edition=2026", HttpStatusCode.BadRequest, "edition")]
    [InlineData("/api/salient?mineral=lithium&year=2024", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/salient?mineral=unobtainium", HttpStatusCode.BadRequest, "mineral")]
    public async Task Bad_parameters_are_problems_naming_them(string url, HttpStatusCode status, string? parameter)
    {
        using var response = await _server.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (parameter is not null)
        {
            Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task An_edition_the_mineral_lacks_is_a_400_listing_the_editions_it_has()
    {
        using var response = await _server.Client.GetAsync("/api/reserves?mineral=lithium&edition=MCS1999");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var listed = (await GetJson("/api/reserves?mineral=lithium")).GetProperty("editions").EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(listed);
        Assert.All(listed, e => Assert.Contains(e, body.GetProperty("detail").GetString(), StringComparison.Ordinal));
        // The editions are listed on a requested edition too, not only by default.
        Assert.Equal(listed, (await GetJson($"/api/reserves?mineral=lithium&edition={listed[^1]}")).GetProperty("editions").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task A_mineral_the_feed_has_no_rows_for_is_an_empty_list()
    {
        var body = await GetJson("/api/reserves?mineral=uranium");

        Assert.Equal(0, body.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("edition").ValueKind);
    }

    [Fact]
    public async Task The_newest_edition_serves_the_published_values_of_each_edition()
    {
        // MCS 2026 (the default): lithium Australia 92,000 t in 2025, reserves 8,400,000 t, world 290,000 t.
        var lithium = await GetJson("/api/reserves?mineral=lithium");
        Assert.Equal("MCS2026", lithium.GetProperty("edition").GetString());
        Assert.Equal((92_000d, "estimated"), (Item(lithium, "mine-production", "AUS", 2025).GetProperty("valueTons").GetDouble(), Item(lithium, "mine-production", "AUS", 2025).GetProperty("qualifier").GetString()));
        Assert.Equal(8_400_000d, Item(lithium, "reserves", "AUS", 2025).GetProperty("valueTons").GetDouble());
        Assert.Equal(290_000d, Item(lithium, "mine-production", "WORLD", 2025).GetProperty("valueTons").GetDouble());

        // MCS 2025: lithium Australia 2024 88,000 t, reserves 7,000,000 t.
        var mcs2025 = await GetJson("/api/reserves?mineral=lithium&edition=MCS2025");
        Assert.Equal(88_000d, Item(mcs2025, "mine-production", "AUS", 2024).GetProperty("valueTons").GetDouble());
        Assert.Equal(7_000_000d, Item(mcs2025, "reserves", "AUS", 2024).GetProperty("valueTons").GetDouble());

        // Rare earths: India 2,900 t; the world reserves published as >85,000,000, served as the revised lower bound.
        var ree = await GetJson("/api/reserves?mineral=ree&measure=reserves");
        var world = Item(ree, "reserves", "WORLD", 2025);
        Assert.Equal((75_000_000d, "lower bound", ">85,000,000"), (world.GetProperty("valueTons").GetDouble(), world.GetProperty("qualifier").GetString(), world.GetProperty("valuePublished").GetString()));
        Assert.StartsWith("MCS2026 v1.3 (2026-05-27): Value '>85,000,000' -> '>75,000,000'", world.GetProperty("correction").GetString());
        var brazil = Item(ree, "reserves", "BRA", 2025);
        Assert.Equal((11_000_000d, "21,000,000"), (brazil.GetProperty("valueTons").GetDouble(), brazil.GetProperty("valuePublished").GetString()));
        Assert.Equal("world-total-lower-bound", brazil.GetProperty("shareBasis").GetString());
        var reeProduction = await GetJson("/api/reserves?mineral=ree&measure=mine-production&country=IND");
        Assert.Equal(2_900d, Item(reeProduction, "mine-production", "IND", 2025).GetProperty("valueTons").GetDouble());

        // Natural graphite, India: 17,000 t in 2025.
        var graphite = await GetJson("/api/reserves?mineral=graphite&measure=mine-production&country=IND");
        Assert.Equal(17_000d, Item(graphite, "mine-production", "IND", 2025).GetProperty("valueTons").GetDouble());
    }

    [Fact]
    public async Task The_series_shows_each_year_from_the_newest_edition_that_has_it_and_every_edition_on_request()
    {
        var series = await GetJson("/api/reserves/series?mineral=lithium&country=AUS&measure=mine-production");

        var years = series.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("year").GetInt32(), i.GetProperty("edition").GetString(), i.GetProperty("valueTons").GetDouble())).ToList();
        Assert.Equal([2021, 2022, 2023, 2024, 2025], years.Select(y => y.Item1));
        Assert.Equal([("MCS2023", 55_300d), ("MCS2024", 74_700d), ("MCS2025", 91_700d), ("MCS2026", 82_700d), ("MCS2026", 92_000d)], years.Select(y => (y.Item2!, y.Item3)));

        var all = await GetJson("/api/reserves/series?mineral=lithium&country=AUS&measure=mine-production&editions=all");
        var y2024 = all.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("year").GetInt32() == 2024).ToList();
        // MCS 2025 estimated 88,000 t for 2024; MCS 2026 revised it to 82,700 t: both are served, the newest marked.
        Assert.Equal([("MCS2026", 82_700d, true), ("MCS2025", 88_000d, false)], y2024.Select(i => (i.GetProperty("edition").GetString()!, i.GetProperty("valueTons").GetDouble(), i.GetProperty("newest").GetBoolean())));

        var csv = await _server.Client.GetStringAsync("/api/reserves/series?mineral=lithium&country=AUS&measure=mine-production&format=csv");
        Assert.StartsWith("year,edition,newest,measure,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n2025,MCS2026,true,mine-production,mine,main,AUS,Australia,92000,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Salient_serves_net_import_reliance_as_published_and_import_sources_with_partners()
    {
        var body = await GetJson("/api/salient?mineral=lithium&edition=MCS2026");
        var items = body.GetProperty("items").EnumerateArray().ToList();

        var reliance = items.Where(i => i.GetProperty("statistic").GetString() == "net-import-reliance").ToList();
        Assert.Equal([2021, 2022, 2023, 2024, 2025], reliance.Select(i => i.GetProperty("year").GetInt32()).Order());
        var bound = reliance.First(i => i.GetProperty("valuePublished").GetString()!.StartsWith('>'));
        Assert.Equal("lower bound", bound.GetProperty("qualifier").GetString());
        var sources = items.Where(i => i.GetProperty("kind").GetString() == "import-source").ToList();
        Assert.Contains(sources, s => s.GetProperty("partnerIso3").GetString() == "ARG" && s.GetProperty("period").GetString() == "2021–24" && s.GetProperty("unit").GetString() == "percent");

        var every = await GetJson("/api/salient?mineral=lithium");
        Assert.Superset(new HashSet<string> { "MCS2026", "MCS2025", "MCS2024" }, every.GetProperty("editions").EnumerateArray().Select(e => e.GetString()!).ToHashSet());
        var fig2 = every.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("edition").GetString() == "MCS2025" && i.GetProperty("statistic").GetString() == "import-rank").ToList();
        Assert.Equal([("CHL", 1), ("ARG", 2)], fig2.OrderBy(i => i.GetProperty("rank").GetInt32()).Select(i => (i.GetProperty("partnerIso3").GetString()!, i.GetProperty("rank").GetInt32())));

        var csv = await _server.Client.GetStringAsync("/api/salient?mineral=lithium&edition=MCS2026&format=csv");
        Assert.StartsWith("edition,kind,statistic,label,product,period,year,partner_key,partner_iso3,", csv, StringComparison.Ordinal);
    }

    /// <summary>Done-when: every critical-mineral record the parser reads from a layout is served, counted per commodity.</summary>
    [Theory]
    [InlineData("mcs2026/MCS2026_Commodities_Data.excerpt.csv", "MCS2026")]
    [InlineData("mcs2025/world/MCS2025_World_Data.excerpt.csv", "MCS2025")]
    [InlineData("mcs2024-originals/world/mcs2024-graph_world.csv", "MCS2024")]
    [InlineData("mcs2023-originals/world/mcs2023-lithi_world.csv", "MCS2023")]
    [InlineData("mcs2025/trends/MCS2025_Fig2_Net_Import_Reliance.csv", "MCS2025")]
    [InlineData("mcs2025/salient/mcs2025-zirco_salient.csv", "MCS2025")]
    public async Task Every_critical_mineral_record_read_is_served(string file, string edition)
    {
        var parsed = UsgsFiles.Parse(file);
        var name = Path.GetFileName(file);
        Assert.Empty(parsed.Quarantined);
        var expected = parsed.Rows.Select(r => r.MineralId).Concat(parsed.Salient.Select(s => s.MineralId))
            .GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(parsed.Read - parsed.OutOfScope - parsed.Superseded, expected.Values.Sum());

        var served = new Dictionary<string, int>();
        foreach (var mineral in expected.Keys)
        {
            var reserves = await ItemsOfEdition("/api/reserves", mineral, edition);
            var salient = await ItemsOfEdition("/api/salient", mineral, edition);
            served[mineral] = reserves.Concat(salient).Count(i => i.GetProperty("sourceFile").GetString() == name);
        }

        Assert.Equal(expected.OrderBy(p => p.Key), served.OrderBy(p => p.Key));
    }
}
